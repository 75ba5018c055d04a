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

    /// <summary>The framework this process runs on (cells run in-process), and ILGPU.</summary>
    private static List<MetadataReference> References() =>
        JitLens.Compilation.FrameworkAssemblies.ForThisProcess()
            .Append(typeof(ILGPU.Context).Assembly.Location)
            .Select(JitLens.Compilation.MappedReference.FromFile)
            .ToList();
}
