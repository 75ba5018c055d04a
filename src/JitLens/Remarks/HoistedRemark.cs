using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>What Numba hoisted out of a parallel loop: an allocation made once and reused, or a variable computed once.</summary>
public sealed class HoistedRemark : ParallelDiagnosticRemark
{
    public override string Name => "hoisted";

    public override string Singular => "statement hoisted out of a parallel loop";

    public override string Plural => "statements hoisted out of parallel loops";

    protected override IReadOnlyList<ParallelDiagnosticKind> Reports => [ParallelDiagnosticKind.HoistedAllocation, ParallelDiagnosticKind.Hoisted];

    protected override string Message(ParallelDiagnostic diagnostic) => diagnostic.Kind == ParallelDiagnosticKind.HoistedAllocation
        ? $"the allocation of {diagnostic.Variable} is hoisted out of {LoopName(diagnostic.Loop, diagnostic.LoopLine)}: made once, before the loop, and reused by its iterations (Numba's parallel diagnostics)"
        : $"{diagnostic.Variable} is hoisted out of {LoopName(diagnostic.Loop, diagnostic.LoopLine)}: computed once, before the loop, not in every iteration (Numba's parallel diagnostics)";
}
