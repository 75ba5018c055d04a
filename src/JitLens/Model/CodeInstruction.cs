namespace JitLens.Model;

/// <summary>One instruction (or IR value, or directive) of one view, in emission order.</summary>
/// <param name="Text">The formatted instruction as the user sees it, e.g. <c>IL_0006: ldloc.0</c>.</param>
/// <param name="Line">The 1-based source line it belongs to, or null outside <see cref="CodeRegion.Body"/>.</param>
/// <param name="Region">Prolog, epilog and unmapped code are kept and labelled as such.</param>
/// <param name="Offset">Offset of the instruction inside its unit (IL offset, native offset), when it has one.</param>
public sealed record CodeInstruction(string Text, int? Line, CodeRegion Region = CodeRegion.Body, long? Offset = null)
{
    /// <summary>A label this instruction starts (a branch target), used by CFG builders and the HTML view.</summary>
    public string? Label { get; init; }

    /// <summary>How control leaves this instruction; lets one CFG builder serve every view.</summary>
    public ControlFlowKind Flow { get; init; } = ControlFlowKind.Next;

    /// <summary>The <see cref="Label"/> a branch goes to, for <see cref="ControlFlowKind.Branch"/> and <see cref="ControlFlowKind.ConditionalBranch"/>.</summary>
    public string? TargetLabel { get; init; }

    /// <summary>
    /// The labels a multi-way branch may go to, in table order (entry 0 first, repeats kept): a jump table the JIT
    /// emitted for a switch, read from the method's data. Empty for every other instruction.
    /// </summary>
    public IReadOnlyList<string> SwitchTargetLabels { get; init; } = [];

    /// <summary>
    /// For an epilog the JIT emitted after a line's code (an early return's exit, or the last one): that line, so that
    /// views can show each exit where it is instead of gathering all of them at the end. Null for everything else.
    /// </summary>
    public int? FollowsLine { get; init; }

    /// <summary>
    /// For <see cref="CodeRegion.ThrowPath"/> and <see cref="CodeRegion.Dispatch"/> code: the lines it is shown under
    /// (those whose checks branch to a throw, the <c>switch</c> a dispatch belongs to). Empty for everything else.
    /// </summary>
    public IReadOnlyList<int> PlacedUnder { get; init; } = [];

    /// <summary>
    /// The machine code of a native instruction, where the capture has it (the .NET JIT's x64 code); empty for IR,
    /// IL and for listings read from a compiler's text output.
    /// </summary>
    public IReadOnlyList<byte> Bytes { get; init; } = [];

    /// <summary>
    /// For code the compiler inlined from another function of the same file (shown at that function's
    /// <see cref="Line"/>): the line of this unit that made the call. Null for everything else.
    /// </summary>
    public int? InlinedAt { get; init; }
}

/// <summary>How control leaves an instruction.</summary>
public enum ControlFlowKind
{
    /// <summary>Falls through to the next instruction (calls included).</summary>
    Next,

    /// <summary>
    /// Always jumps to <see cref="CodeInstruction.TargetLabel"/>, or to one of <see cref="CodeInstruction.SwitchTargetLabels"/>
    /// (or somewhere unknown when both are empty).
    /// </summary>
    Branch,

    /// <summary>Jumps to <see cref="CodeInstruction.TargetLabel"/> or falls through.</summary>
    ConditionalBranch,

    /// <summary>Leaves the unit (ret, exit, tail call, throw helper that never returns).</summary>
    Return,
}
