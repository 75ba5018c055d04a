namespace JitLens.Model;

/// <summary>A source file the user inspected, split into lines (index 0 is line 1).</summary>
public sealed class SourceDocument
{
    public SourceDocument(string path, IReadOnlyList<string> lines, string language)
    {
        Path = path;
        Lines = lines;
        Language = language;
    }

    public string Path { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>"csharp" or "python": renderers pick their highlighter by it.</summary>
    public string Language { get; }

    /// <summary>The text of a 1-based line, or an empty string when the line is out of range.</summary>
    public string TextOf(int line) => line >= 1 && line <= Lines.Count ? Lines[line - 1] : string.Empty;

    public static SourceDocument FromText(string path, string text, string language) =>
        new(path, text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'), language);
}
