namespace JitLens.Remarks;

/// <summary>The one place where remark kinds are registered; the order is the order a line's badges are shown in.</summary>
public static class RemarkCatalog
{
    public static IReadOnlyList<RemarkKind> All { get; } =
    [
        // .NET methods (the JIT's x64 asm, with IL where it tells more): checks and heap work first, as they cost most in loops.
        new BoundsCheckRemark(),
        new AllocationRemark(),
        new BoxingRemark(),
        new WriteBarrierRemark(),
        new StaticBaseRemark(),

        // Calls the JIT left as calls: direct ones, then those through a method table or a dispatch stub; then the
        // virtual calls dynamic PGO devirtualised behind a method-table guard (inferred).
        new CallRemark(),
        new VirtualCallRemark(),
        new GuardedDevirtualizationRemark(),

        // Numba functions (their LLVM IR and Numba IR): allocations share the .NET kind's badge.
        new NrtAllocationRemark(),
        new RefcountRemark(),
        new PythonApiRemark(),
        new ParallelLoopRemark(),

        // What Numba's own parallel diagnostics say of those parallel loops: fusion, serialised nesting, hoisting.
        new FusedLoopRemark(),
        new UnfusedLoopRemark(),
        new SerializedLoopRemark(),
        new HoistedRemark(),

        // Both CPU compilers' x64 code: packed SIMD; then the loop shapes read from the asm (inferred).
        new VectorisedRemark(),
        new LoopClonedRemark(),

        // GPU kernels, from SASS when the toolkit made it, else PTX.
        new LocalMemoryRemark(),
        new BarrierRemark(),
        new DivergentBranchRemark(),
    ];
}
