using JitLens.Model;

namespace JitLens.Capture.Asm;

/// <summary>One decoded x64 instruction before it is attributed to a line.</summary>
/// <param name="Offset">Offset from the start of the hot code; cold code continues after the hot code's end.</param>
/// <param name="SwitchTargetLabels">For an indirect jmp through a jump table: the labels of its entries, in table order.</param>
/// <param name="Bytes">The instruction's machine code, as the JIT wrote it.</param>
internal sealed record AsmInstruction(ulong Address, long Offset, string Text, ControlFlowKind Flow, string? Label, string? TargetLabel, IReadOnlyList<string> SwitchTargetLabels, IReadOnlyList<byte> Bytes);
