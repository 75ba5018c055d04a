using System.Text;
using JitLens.Model;
using JitLens.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace JitLens.Compilation;

/// <summary>Compiles C# sources in memory (Release, portable PDB) and writes the assembly and its PDB to a directory.</summary>
public static class CSharpCompiler
{
    /// <exception cref="InspectionException">The sources do not compile; each diagnostic reads <c>file:line:col: error CSnnnn: message</c>.</exception>
    public static CompiledInput Compile(IReadOnlyList<string> sourcePaths, string outputDirectory, CancellationToken cancellationToken = default)
    {
        // Doc comments and nullable analysis only feed diagnostics jitlens does not show, never the code; both cost a
        // noticeable part of a cold compile. A file's own `#nullable enable` is still honoured.
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var documents = new List<SourceDocument>();
        var trees = new List<SyntaxTree>();
        foreach (var path in sourcePaths)
        {
            var fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                throw new InspectionException($"{path}: file not found.");
            }

            var text = File.ReadAllText(fullPath);

            // PDB emission needs the encoding on the source text (else CS8055).
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), parseOptions, fullPath, cancellationToken));
            documents.Add(SourceDocument.FromText(fullPath, text, "csharp"));
        }

        var name = Path.GetFileNameWithoutExtension(sourcePaths[0]);
        var hasTopLevelStatements = trees.Any(t => t.GetRoot(cancellationToken).ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var options = new CSharpCompilationOptions(
                hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Disable)
            .WithConcurrentBuild(false);
        var compilation = CSharpCompilation.Create(name, trees, FrameworkReferences.Get(), options);

        Directory.CreateDirectory(outputDirectory);
        var assemblyPath = Path.Combine(outputDirectory, name + ".dll");
        var pdbPath = Path.Combine(outputDirectory, name + ".pdb");
        EmitResult result;
        using (var peStream = File.Create(assemblyPath))
        using (var pdbStream = File.Create(pdbPath))
        {
            result = compilation.Emit(
                peStream,
                pdbStream,
                options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdbPath),
                cancellationToken: cancellationToken);
        }

        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(Format)
                .ToList();
            throw new InspectionException(string.Join(Environment.NewLine, errors)) { Diagnostics = errors };
        }

        return new CompiledInput(assemblyPath, pdbPath, documents);
    }

    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var where = span.IsValid
            ? $"{DisplayPath(span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: "
            : string.Empty;
        return $"{where}error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The path as the user would type it: relative to the working directory when the file is under it.</summary>
    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
