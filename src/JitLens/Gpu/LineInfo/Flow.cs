using JitLens.Model;

namespace JitLens.Gpu.LineInfo;

/// <summary>How PTX and SASS instructions leave, once each parser has named the kind of its opcode.</summary>
internal static class Flow
{
    /// <summary>A jump (PTX <c>bra</c>/<c>brx</c>, SASS <c>BRA</c>/<c>BRX</c>): taken or not when a predicate guards it.</summary>
    public static CodeInstruction Jump(CodeInstruction instruction, bool predicated, string? target) => instruction with
    {
        Flow = predicated ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Branch,
        TargetLabel = target,
    };

    /// <summary>
    /// An exit (<c>ret</c>, <c>exit</c>, <c>trap</c>, <c>EXIT</c>, <c>RET</c>, <c>KILL</c>): under a predicate the thread
    /// either leaves or goes on, which the graph shows as a branch with no target.
    /// </summary>
    public static CodeInstruction Exit(CodeInstruction instruction, bool predicated) =>
        instruction with { Flow = predicated ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Return };
}
