namespace JitLens.Model;

/// <summary>One instruction (or IR value, or directive) of one view, in emission order.</summary>
/// <param name="Text">The formatted instruction as the user sees it, e.g. <c>IL_0006: ldloc.0</c>.</param>
/// <param name="Line">The 1-based source line it belongs to, or null outside <see cref="CodeRegion.Body"/>.</param>
/// <param name="Region">Prolog, epilog and unmapped code are kept and labelled as such.</param>
/// <param name="Offset">Offset of the instruction inside its unit (IL offset, native offset), when it has one.</param>
public sealed record CodeInstruction(string Text, int? Line, CodeRegion Region = CodeRegion.Body, long? Offset = null)
{
    /// <summary>A label or block name this instruction defines, used by CFG builders and the HTML view.</summary>
    public string? Label { get; init; }
}
