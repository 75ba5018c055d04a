using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A parallel loop Numba tried to fuse with the one before it and could not, with Numba's reason.</summary>
public sealed class UnfusedLoopRemark : ParallelDiagnosticRemark
{
    public override string Name => "not-fused";

    public override string Singular => "parallel loop not fused";

    public override string Plural => "parallel loops not fused";

    protected override IReadOnlyList<ParallelDiagnosticKind> Reports => [ParallelDiagnosticKind.NotFused];

    protected override string Message(ParallelDiagnostic diagnostic) =>
        $"{LoopName(diagnostic.Loop, diagnostic.LoopLine)} is not fused with {LoopName(diagnostic.Other, diagnostic.OtherLine)}: {diagnostic.Reason ?? "Numba gave no reason"}; each runs as a parallel loop of its own (Numba's parallel diagnostics)";
}
