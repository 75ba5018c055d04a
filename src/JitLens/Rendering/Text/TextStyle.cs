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
}

/// <summary>A piece of one output line.</summary>
public sealed record TextSpan(string Text, TextStyle Style);
