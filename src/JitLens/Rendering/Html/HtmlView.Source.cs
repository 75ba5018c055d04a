using System.Globalization;
using JitLens.Model;

namespace JitLens.Rendering.Html;

public static partial class HtmlView
{
    /// <summary>Sources up to this many lines are shown whole; longer ones only around the unit.</summary>
    private const int WholeSourceLimit = 300;

    private const int ContextLines = 2;

    private static void WriteSource(InspectedUnit unit, IReadOnlyList<int> codeLines, Dictionary<int, string> inlining, TextWriter output)
    {
        var source = unit.Source;
        var (first, last) = ShownRange(unit, codeLines);
        var hasCode = codeLines.ToHashSet();
        var highlighter = new SyntaxHighlighter(source.Language);
        output.Write($"<div class=\"jl-source\" data-language=\"{Encode(source.Language)}\" data-path=\"{Encode(source.Path)}\">\n");
        output.Write($"<div class=\"jl-path\">{Encode(source.Path)}</div>\n");

        // The highlighter keeps state across lines (block comments, triple-quoted strings), so it sees every line from 1.
        for (var line = 1; line <= Math.Min(last, source.Lines.Count); line++)
        {
            var html = highlighter.HighlightLine(source.TextOf(line));
            if (line < first)
            {
                continue;
            }

            var number = line.ToString(CultureInfo.InvariantCulture);
            var cssClass = hasCode.Contains(line) ? "jl-line jl-has-code" : "jl-line jl-no-code";
            var note = inlining.TryGetValue(line, out var text) ? $"<span class=\"jl-inlining\">{Encode(text)}</span>" : string.Empty;
            output.Write($"<div class=\"{cssClass}\" data-line=\"{number}\"><span class=\"jl-ln\">{number}</span> <code>{html}</code>{note}{RemarkBadges(unit, line)}</div>\n");
        }

        output.Write("</div>\n");
    }

    private static (int First, int Last) ShownRange(InspectedUnit unit, IReadOnlyList<int> codeLines)
    {
        var count = unit.Source.Lines.Count;
        if (count <= WholeSourceLimit)
        {
            return (1, count);
        }

        var bounds = codeLines.ToList();
        if (unit.LineRange is { } range)
        {
            bounds.Add(range.First);
            bounds.Add(range.Last);
        }

        return bounds.Count == 0
            ? (1, WholeSourceLimit)
            : (Math.Max(1, bounds.Min() - ContextLines), Math.Min(count, bounds.Max() + ContextLines));
    }
}
