using JitLens.Model;

namespace JitLens.Rendering.Text;

/// <summary>
/// How the text layout shows codegen remarks: the unit's summary (and remarks no line owns) under its header, a badge
/// per remark at the end of its source line, and the remark's sentence under the line.
/// </summary>
internal static class TextRemarks
{
    private const string Indent = "        ";

    public static IEnumerable<IReadOnlyList<TextSpan>> Summary(InspectedUnit unit)
    {
        if (unit.RemarkSummary is { } summary)
        {
            yield return [new TextSpan("   remarks: " + summary, TextStyle.Remark)];
        }

        foreach (var remark in unit.Remarks.Where(r => r.Line is null))
        {
            yield return Explanation(remark, "   ");
        }
    }

    public static IEnumerable<TextSpan> Badges(LineCode line) =>
        line.Remarks.Select(r => r.Kind).Distinct(StringComparer.Ordinal).Select(kind => new TextSpan("  [" + kind + "]", TextStyle.Remark));

    public static IEnumerable<IReadOnlyList<TextSpan>> Explanations(LineCode line) => line.Remarks.Select(r => Explanation(r, Indent));

    private static IReadOnlyList<TextSpan> Explanation(CodeRemark remark, string indent)
    {
        var inferred = remark.Evidence == RemarkEvidence.Inferred ? " (inferred)" : string.Empty;
        return [new TextSpan($"{indent}[{remark.Kind}] {remark.Message}{inferred}", TextStyle.Remark)];
    }
}
