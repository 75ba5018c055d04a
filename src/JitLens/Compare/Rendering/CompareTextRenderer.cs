using System.Globalization;
using JitLens.Rendering.Text;

namespace JitLens.Compare.Rendering;

/// <summary>
/// Plain text: per unit a header with both sides' facts and totals, then each aligned line with its deltas and its
/// code, changed lines marked <c>*</c>. From <see cref="CompareRenderOptions.TwoColumnWidth"/> on the sides stand in two
/// columns; below it they are unified, the left side's code as <c>-</c> lines and the right side's as <c>+</c> lines.
/// On a colour terminal (<see cref="CompareRenderOptions.Color"/>) the left side's changed code is red, the right
/// side's green and the marks and deltas yellow; taking the colour codes out gives the plain text.
/// </summary>
internal sealed class CompareTextRenderer : ICompareRenderer
{
    private const string Separator = " │ ";

    public string Name => "text";

    public void Render(InspectionComparison comparison, TextWriter output, CompareRenderOptions options)
    {
        var paint = new Painter(options.Color);
        var twoColumns = options.Width >= CompareRenderOptions.TwoColumnWidth;
        foreach (var unit in comparison.Units)
        {
            output.WriteLine(paint.Paint($"== {unit.Name}", TextStyle.UnitHeader));
            output.WriteLine($"   {comparison.LeftLabel}: [{DeltaText.Facts(unit.Left)}]  →  {comparison.RightLabel}: [{DeltaText.Facts(unit.Right)}]");
            var size = unit.CodeSizeDelta is { } d ? $"code size {DeltaText.WithSign(d)} bytes; " : string.Empty;
            output.WriteLine("   " + paint.Paint($"{size}{DeltaText.Of(unit.Totals)}", TextStyle.Delta));
            foreach (var row in unit.Lines)
            {
                if (twoColumns)
                {
                    Columns(row, output, options.Width, paint);
                }
                else
                {
                    Unified(row, output, paint);
                }
            }

            output.WriteLine();
        }

        foreach (var name in comparison.LeftOnly)
        {
            output.WriteLine(paint.Paint($"only in {comparison.LeftLabel}: {name}", TextStyle.Removed));
        }

        foreach (var name in comparison.RightOnly)
        {
            output.WriteLine(paint.Paint($"only in {comparison.RightLabel}: {name}", TextStyle.Added));
        }
    }

    private static void Unified(LineComparison row, TextWriter output, Painter paint)
    {
        var mark = paint.Paint(row.Changed ? "*" : " ", TextStyle.Delta);
        var delta = paint.Paint(DeltaText.Of(row.Views), TextStyle.Delta);
        if (row.SourceChanged || row.LeftLine is null || row.RightLine is null)
        {
            if (row.LeftLine is { } l)
            {
                output.WriteLine(mark + paint.Paint($"-{Number(l)} | {row.LeftSource}", TextStyle.Removed));
            }

            if (row.RightLine is { } r)
            {
                output.WriteLine(mark + paint.Paint($"+{Number(r)} | {row.RightSource}", TextStyle.Added));
            }

            output.WriteLine($"         {delta}");
        }
        else
        {
            output.WriteLine($"{mark} {Number(row.LeftLine.Value)} → {Number(row.RightLine.Value).TrimStart()} | {row.LeftSource}    {delta}".TrimEnd());
        }

        foreach (var view in row.Views)
        {
            var changed = view.Changed;
            foreach (var code in view.Left.Code)
            {
                output.WriteLine(changed ? paint.Paint($"       - {view.View}  {code}", TextStyle.Removed) : $"         {view.View}  {code}");
            }

            if (changed)
            {
                foreach (var code in view.Right.Code)
                {
                    output.WriteLine(paint.Paint($"       + {view.View}  {code}", TextStyle.Added));
                }
            }
        }
    }

    private static void Columns(LineComparison row, TextWriter output, int width, Painter paint)
    {
        var column = (width - Separator.Length - 1) / 2;
        var left = new List<(string Text, TextStyle Style)> { (Heading(row.LeftLine, row.LeftSource), TextStyle.Plain) };
        var right = new List<(string Text, TextStyle Style)> { (Heading(row.RightLine, row.RightSource), TextStyle.Plain) };
        foreach (var view in row.Views)
        {
            // Each view starts level on both sides, so that the same view's code faces itself.
            var rows = Math.Max(view.Left.Code.Count, view.Right.Code.Count);
            var (leftStyle, rightStyle) = view.Changed ? (TextStyle.Removed, TextStyle.Added) : (TextStyle.Plain, TextStyle.Plain);
            left.AddRange(view.Left.Code.Select(c => ($"        {view.View}  {c}", leftStyle)).Concat(Enumerable.Repeat((string.Empty, TextStyle.Plain), rows - view.Left.Code.Count)));
            right.AddRange(view.Right.Code.Select(c => ($"        {view.View}  {c}", rightStyle)).Concat(Enumerable.Repeat((string.Empty, TextStyle.Plain), rows - view.Right.Code.Count)));
        }

        var mark = paint.Paint(row.Changed ? "*" : " ", TextStyle.Delta);
        for (var i = 0; i < left.Count; i++)
        {
            // The right cell's padding is trimmed before it is painted, so that the plain text has no trailing blanks.
            output.WriteLine((i == 0 ? mark : " ") + paint.Paint(Fit(left[i].Text, column), left[i].Style) + Separator + paint.Paint(Fit(right[i].Text, column).TrimEnd(), right[i].Style));
        }

        if (DeltaText.Of(row.Views) is { Length: > 0 } delta)
        {
            output.WriteLine(" " + paint.Paint(Fit("       Δ " + delta, width - 1).TrimEnd(), TextStyle.Delta));
        }
    }

    private static string Heading(int? line, string source) => line is { } l ? $"{Number(l)} | {source}" : string.Empty;

    private static string Number(int line) => line.ToString(CultureInfo.InvariantCulture).PadLeft(5);

    /// <summary>Pads or cuts a cell to the column; a cut cell ends in an ellipsis so that nothing looks complete that is not.</summary>
    private static string Fit(string text, int column) =>
        text.Length <= column ? text.PadRight(column) : text[..(column - 1)] + "…";

    /// <summary>Paints a piece of a line in its style's colour when the output is a colour terminal; leaves it plain otherwise.</summary>
    private readonly record struct Painter(bool Colour)
    {
        public string Paint(string text, TextStyle style) => Colour ? AnsiColours.Paint(text, style) : text;
    }
}
