using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace JitLens.Tests.Gpu.Support;

/// <summary>Compiles a sample file to a DLL with its portable PDB beside it, as the compile stage does for users.</summary>
internal static class UserAssembly
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Gpu", "Samples", name);

    public static string Compile(string sourcePath)
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-gpu-test-").FullName;
        var name = Path.GetFileNameWithoutExtension(sourcePath) + "_" + Path.GetFileName(directory).Replace("-", "_", StringComparison.Ordinal);
        var text = SourceText.From(File.ReadAllText(sourcePath), Encoding.UTF8);
        var tree = CSharpSyntaxTree.ParseText(text, path: sourcePath);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            name,
            [tree],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        var dll = Path.Combine(directory, name + ".dll");
        var pdb = Path.ChangeExtension(dll, ".pdb");
        using (var dllStream = File.Create(dll))
        using (var pdbStream = File.Create(pdb))
        {
            var result = compilation.Emit(dllStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        return dll;
    }
}
