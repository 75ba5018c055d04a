namespace JitLens.Rendering.Text;

/// <summary>The role of a piece of text; a colour front end maps roles to colours, the plain renderer ignores them.</summary>
public enum TextStyle
{
    Plain,
    UnitHeader,
    LineNumber,
    Source,
    ViewName,
    Instruction,
    Label,
    Region,
    Note,

    /// <summary>A codegen remark: its badge at the end of a source line, and its explanation under it.</summary>
    Remark,

    /// <summary>A comparison's left side where it differs from the right: its <c>-</c> lines, its column of a changed view.</summary>
    Removed,

    /// <summary>A comparison's right side where it differs from the left: its <c>+</c> lines, its column of a changed view.</summary>
    Added,

    /// <summary>A comparison's changed-line mark and its instruction-count and code-size deltas.</summary>
    Delta,
}

/// <summary>A piece of one output line.</summary>
public sealed record TextSpan(string Text, TextStyle Style);
