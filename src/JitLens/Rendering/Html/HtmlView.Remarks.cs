using JitLens.Model;

namespace JitLens.Rendering.Html;

/// <summary>Codegen remarks in the view: a badge per remark kind on its source line (the sentences as its tooltip), the summary with the unit's badges.</summary>
public static partial class HtmlView
{
    /// <summary>The badges of <paramref name="line"/>'s remarks; bracketed so that they stay readable where styles are stripped.</summary>
    private static string RemarkBadges(InspectedUnit unit, int line)
    {
        var badges = unit.Remarks
            .Where(r => r.Line == line)
            .GroupBy(r => r.Kind, StringComparer.Ordinal)
            .Select(g => $"<span class=\"jl-remark jl-remark-{(g.Any(r => r.Evidence == RemarkEvidence.Inferred) ? "inferred" : "exact")}\" title=\"{Encode(string.Join("\n", g.Select(Sentence)))}\">[{Encode(g.Key)}]</span>");
        return string.Concat(badges);
    }

    private static void WriteRemarkSummary(InspectedUnit unit, TextWriter output)
    {
        if (unit.RemarkSummary is not { } summary)
        {
            return;
        }

        var unlined = unit.Remarks.Where(r => r.Line is null).Select(Sentence).ToList();
        var title = unlined.Count == 0 ? string.Empty : $" title=\"{Encode(string.Join("\n", unlined))}\"";
        output.Write($"<p class=\"jl-remarks\"{title}>remarks: {Encode(summary)}</p>\n");
    }

    private static string Sentence(CodeRemark remark) =>
        remark.Evidence == RemarkEvidence.Inferred ? remark.Message + " (inferred)" : remark.Message;
}
