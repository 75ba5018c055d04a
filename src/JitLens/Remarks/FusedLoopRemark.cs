using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A parallel loop Numba fused into the one before it: both run as one loop, in one gufunc kernel.</summary>
public sealed class FusedLoopRemark : ParallelDiagnosticRemark
{
    public override string Name => "fused";

    public override string Singular => "parallel loop fused";

    public override string Plural => "parallel loops fused";

    protected override IReadOnlyList<ParallelDiagnosticKind> Reports => [ParallelDiagnosticKind.Fused];

    protected override string Message(ParallelDiagnostic diagnostic) =>
        $"{LoopName(diagnostic.Loop, diagnostic.LoopLine)} is fused into {LoopName(diagnostic.Other, diagnostic.OtherLine)}: one pass over the data, in one gufunc kernel (Numba's parallel diagnostics)";
}
