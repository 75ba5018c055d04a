using JitLens.Capture;
using JitLens.Compilation;

namespace JitLens.Pipeline;

/// <summary>The one place where stages are registered, in the order they run.</summary>
public static class PipelineStages
{
    public static IReadOnlyList<IInspectionStage> All { get; } =
    [
        // Before the inputs: the CPU JIT's host starts while Roslyn compiles (the capture stage below takes it over).
        new JitHostLaunchStage(),

        // Inputs: every later stage reads the assembly and PDB on disk (context.Compiled).
        new CompileStage(),
        new AssemblyInputStage(),

        // Python inputs: runs Numba on the file in its own process and maps what it compiled, per line.
        new Numba.NumbaStage(),

        // The CPU JIT: per-line il and asm for every method of the compiled assembly.
        new JitCaptureStage(),

        // GPU kernels of compiled C#: needs the assembly and PDB from the compile stage; compiles and runs them in
        // the child host (IR, PTX, SASS per line).
        new Gpu.GpuKernelStage(),

        // After every capture stage: views computed from other listings (hex from asm) need those listings.
        new Views.DerivedViewStage(),

        // After every capture stage: remarks are read from the finished listings (asm, il, llvm, numba_ir, ptx, sass).
        new Remarks.RemarksStage(),

        // After every capture stage (CPU asm, Numba asm, kernel SASS/PTX): graphs are built from the lowest-level
        // listing each unit has, so all listings must exist first.
        new Cfg.ControlFlowGraphStage(),

        // Last: lays out the finished graphs as SVG; nothing after it changes a graph.
        new Cfg.ControlFlowGraphLayoutStage(),
    ];
}
