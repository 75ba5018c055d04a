using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A parallel loop (a prange, an array expression) inside another parallel loop: Numba runs it serially in each outer iteration.</summary>
public sealed class SerializedLoopRemark : ParallelDiagnosticRemark
{
    public override string Name => "serialized";

    public override string Singular => "nested parallel loop run serially";

    public override string Plural => "nested parallel loops run serially";

    protected override IReadOnlyList<ParallelDiagnosticKind> Reports => [ParallelDiagnosticKind.Serialized];

    protected override bool InLoop => true;

    protected override string Message(ParallelDiagnostic diagnostic) =>
        $"{LoopName(diagnostic.Loop, diagnostic.LoopLine)} runs serially inside {LoopName(diagnostic.Other, diagnostic.OtherLine)}: only the outer loop is parallel (Numba's parallel diagnostics)";
}
