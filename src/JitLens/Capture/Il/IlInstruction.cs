using JitLens.Model;

namespace JitLens.Capture.Il;

/// <summary>One decoded IL instruction before it is attributed to a line.</summary>
internal sealed record IlInstruction(int Offset, string Text, ControlFlowKind Flow, IReadOnlyList<int> Targets);
