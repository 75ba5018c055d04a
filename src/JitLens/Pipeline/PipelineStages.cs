using JitLens.Capture;
using JitLens.Compilation;

namespace JitLens.Pipeline;

/// <summary>The one place where stages are registered, in the order they run.</summary>
public static class PipelineStages
{
    public static IReadOnlyList<IInspectionStage> All { get; } =
    [
        // Inputs first: every later stage reads the assembly and PDB on disk (context.Compiled).
        new CompileStage(),
        new AssemblyInputStage(),

        // The CPU JIT: per-line il and asm for every method; GPU and CFG stages build on the units it adds.
        new JitCaptureStage(),
    ];
}
