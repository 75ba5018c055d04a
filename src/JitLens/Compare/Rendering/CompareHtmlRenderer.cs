using System.Globalization;
using System.Net;

namespace JitLens.Compare.Rendering;

/// <summary>
/// The comparison as one self-contained HTML document (styles and script inline, no network, as the inspection's
/// view): per unit, the two sides' listings in two panes whose rows are the aligned lines, padded to equal height so
/// that a row faces its counterpart. Clicking a row selects it on both sides; scrolling one pane scrolls the other.
/// </summary>
public sealed class CompareHtmlRenderer : ICompareRenderer
{
    public const string TrustSentence = "This is the plain copy of the JitLens comparison: trusting the notebook (File > Trust Notebook in Jupyter) brings back its colours, linked selection and linked scrolling.";

    public string Name => "html";

    public void Render(InspectionComparison comparison, TextWriter output, CompareRenderOptions options)
    {
        var title = $"{comparison.LeftLabel} → {comparison.RightLabel}";
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        output.Write($"<title>JitLens diff: {Encode(title)}</title>\n<style>{CompareHtmlAssets.Page}</style>\n</head>\n<body>\n");
        WriteFragment(comparison, output);
        output.Write("</body>\n</html>\n");
    }

    /// <summary>The view alone, with its style and script, for a page that is not its own (a notebook's output).</summary>
    public static void WriteFragment(InspectionComparison comparison, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"<div class=\"jc-compare\">\n<style>{CompareHtmlAssets.Css}</style>\n");
        // Hidden by the style and removed by the script; only a page that stripped both (an untrusted notebook) shows it.
        output.Write($"<p class=\"jc-trust\">{Encode(TrustSentence)}</p>\n");
        for (var u = 0; u < comparison.Units.Count; u++)
        {
            WriteUnit(comparison, comparison.Units[u], u, output);
        }

        foreach (var (label, names) in new[] { (comparison.LeftLabel, comparison.LeftOnly), (comparison.RightLabel, comparison.RightOnly) })
        {
            foreach (var name in names)
            {
                output.Write($"<p class=\"jc-only\">only in {Encode(label)}: {Encode(name)}</p>\n");
            }
        }

        output.Write($"<script>{CompareHtmlAssets.Script}</script>\n</div>\n");
    }

    private static void WriteUnit(InspectionComparison comparison, UnitComparison unit, int index, TextWriter output)
    {
        var size = unit.CodeSizeDelta is { } d ? $"code size {DeltaText.WithSign(d)} bytes; " : string.Empty;
        output.Write($"<section class=\"jc-unit\" data-unit=\"{index}\">\n<h2>{Encode(unit.Name)}</h2>\n");
        output.Write($"<p class=\"jc-totals\">{Encode(size + DeltaText.Of(unit.Totals))}</p>\n<div class=\"jc-panes\">\n");
        WritePane(unit, index, "left", $"{comparison.LeftLabel}: {DeltaText.Facts(unit.Left)}", output);
        WritePane(unit, index, "right", $"{comparison.RightLabel}: {DeltaText.Facts(unit.Right)}", output);
        output.Write("</div>\n</section>\n");
    }

    private static void WritePane(UnitComparison unit, int index, string side, string heading, TextWriter output)
    {
        output.Write($"<div class=\"jc-side\"><h3>{Encode(heading)}</h3>\n<div class=\"jc-pane\" data-side=\"{side}\">\n");
        for (var r = 0; r < unit.Lines.Count; r++)
        {
            var row = unit.Lines[r];
            var line = side == "left" ? row.LeftLine : row.RightLine;
            var source = side == "left" ? row.LeftSource : row.RightSource;
            var classes = "jc-row" + (row.Changed ? " jc-changed" : string.Empty) + (line is null ? " jc-absent" : string.Empty);
            var number = line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            output.Write($"<div class=\"{classes}\" data-row=\"{index}-{r}\" data-line=\"{number}\">");
            // The spaces after the number and the view name keep them apart where styles are stripped (an untrusted notebook).
            output.Write($"<div class=\"jc-src\"><span class=\"jc-num\">{number}</span> {Encode(source)}</div>");
            if (side == "right" && DeltaText.Of(row.Views) is { Length: > 0 } delta)
            {
                output.Write($"<div class=\"jc-delta\">{Encode(delta)}</div>");
            }
            else if (side == "left" && row.Views.Any(v => v.Left.Count + v.Right.Count > 0))
            {
                // The right side's delta line has a blank counterpart, so that the rows stay level.
                output.Write("<div class=\"jc-delta\">&#8203;</div>");
            }

            foreach (var view in row.Views)
            {
                var code = side == "left" ? view.Left.Code : view.Right.Code;
                var rows = Math.Max(view.Left.Code.Count, view.Right.Code.Count);
                for (var i = 0; i < rows; i++)
                {
                    var text = i < code.Count ? $"<span class=\"jc-view\">{Encode(view.View)}</span> {Encode(code[i])}" : "&#8203;";
                    output.Write($"<div class=\"jc-code{(view.Changed ? " jc-code-changed" : string.Empty)}\">{text}</div>");
                }
            }

            output.Write("</div>\n");
        }

        output.Write("</div></div>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
