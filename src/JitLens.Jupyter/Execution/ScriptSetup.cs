using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace JitLens.Jupyter.Execution;

/// <summary>How cells are compiled: against the whole shared framework (and ILGPU, for GPU kernels), optimized, with line info.</summary>
internal static class ScriptSetup
{
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Numerics", "System.Runtime.CompilerServices",
        "System.Runtime.Intrinsics", "System.Text", "System.Threading", "System.Threading.Tasks",
    ];

    public static ScriptOptions Options { get; } = ScriptOptions.Default
        .WithReferences(References())
        .WithImports(Imports)
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithEmitDebugInformation(true)
        .WithFileEncoding(Encoding.UTF8)
        .WithAllowUnsafe(true);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The platform assemblies this process runs on, filtered to the framework and ILGPU.</summary>
    private static List<MetadataReference> References()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => Path.GetDirectoryName(p) == frameworkDirectory || Path.GetFileName(p).StartsWith("ILGPU", StringComparison.Ordinal))
            .Select(JitLens.Compilation.MappedReference.FromFile)
            .ToList();
    }
}
