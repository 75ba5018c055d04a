namespace JitLens.Compare.Rendering;

/// <summary>Options the comparison renderers honour.</summary>
public sealed record CompareRenderOptions
{
    /// <summary>The text renderer puts the two sides in columns from this width on, and one under the other below it.</summary>
    public const int TwoColumnWidth = 120;

    /// <summary>Characters per line of text output (the console's width, or <c>--width</c>).</summary>
    public int Width { get; init; } = 80;

    /// <summary>Whether the text renderer colours its output with ANSI codes (the CLI asks for it on a colour terminal).</summary>
    public bool Color { get; init; }
}
