using System.Globalization;

namespace JitLens.Compare.Rendering;

/// <summary>
/// Plain text: per unit a header with both sides' facts and totals, then each aligned line with its deltas and its
/// code, changed lines marked <c>*</c>. From <see cref="CompareRenderOptions.TwoColumnWidth"/> on the sides stand in two
/// columns; below it they are unified, the left side's code as <c>-</c> lines and the right side's as <c>+</c> lines.
/// </summary>
internal sealed class CompareTextRenderer : ICompareRenderer
{
    private const string Separator = " │ ";

    public string Name => "text";

    public void Render(InspectionComparison comparison, TextWriter output, CompareRenderOptions options)
    {
        var twoColumns = options.Width >= CompareRenderOptions.TwoColumnWidth;
        foreach (var unit in comparison.Units)
        {
            output.WriteLine($"== {unit.Name}");
            output.WriteLine($"   {comparison.LeftLabel}: [{DeltaText.Facts(unit.Left)}]  →  {comparison.RightLabel}: [{DeltaText.Facts(unit.Right)}]");
            var size = unit.CodeSizeDelta is { } d ? $"code size {DeltaText.WithSign(d)} bytes; " : string.Empty;
            output.WriteLine($"   {size}{DeltaText.Of(unit.Totals)}");
            foreach (var row in unit.Lines)
            {
                if (twoColumns)
                {
                    Columns(row, output, options.Width);
                }
                else
                {
                    Unified(row, output);
                }
            }

            output.WriteLine();
        }

        foreach (var name in comparison.LeftOnly)
        {
            output.WriteLine($"only in {comparison.LeftLabel}: {name}");
        }

        foreach (var name in comparison.RightOnly)
        {
            output.WriteLine($"only in {comparison.RightLabel}: {name}");
        }
    }

    private static void Unified(LineComparison row, TextWriter output)
    {
        var mark = row.Changed ? "*" : " ";
        var delta = DeltaText.Of(row.Views);
        if (row.SourceChanged || row.LeftLine is null || row.RightLine is null)
        {
            if (row.LeftLine is { } l)
            {
                output.WriteLine($"{mark}-{Number(l)} | {row.LeftSource}");
            }

            if (row.RightLine is { } r)
            {
                output.WriteLine($"{mark}+{Number(r)} | {row.RightSource}");
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
                output.WriteLine($"       {(changed ? "-" : " ")} {view.View}  {code}");
            }

            if (changed)
            {
                foreach (var code in view.Right.Code)
                {
                    output.WriteLine($"       + {view.View}  {code}");
                }
            }
        }
    }

    private static void Columns(LineComparison row, TextWriter output, int width)
    {
        var column = (width - Separator.Length - 1) / 2;
        var left = new List<string> { Heading(row.LeftLine, row.LeftSource) };
        var right = new List<string> { Heading(row.RightLine, row.RightSource) };
        foreach (var view in row.Views)
        {
            // Each view starts level on both sides, so that the same view's code faces itself.
            var rows = Math.Max(view.Left.Code.Count, view.Right.Code.Count);
            left.AddRange(view.Left.Code.Select(c => $"        {view.View}  {c}").Concat(Enumerable.Repeat(string.Empty, rows - view.Left.Code.Count)));
            right.AddRange(view.Right.Code.Select(c => $"        {view.View}  {c}").Concat(Enumerable.Repeat(string.Empty, rows - view.Right.Code.Count)));
        }

        var mark = row.Changed ? "*" : " ";
        for (var i = 0; i < left.Count; i++)
        {
            output.WriteLine((i == 0 ? mark : " ") + Fit(left[i], column) + Separator + Fit(right[i], column).TrimEnd());
        }

        if (DeltaText.Of(row.Views) is { Length: > 0 } delta)
        {
            output.WriteLine((" " + Fit("       Δ " + delta, width - 1)).TrimEnd());
        }
    }

    private static string Heading(int? line, string source) => line is { } l ? $"{Number(l)} | {source}" : string.Empty;

    private static string Number(int line) => line.ToString(CultureInfo.InvariantCulture).PadLeft(5);

    /// <summary>Pads or cuts a cell to the column; a cut cell ends in an ellipsis so that nothing looks complete that is not.</summary>
    private static string Fit(string text, int column) =>
        text.Length <= column ? text.PadRight(column) : text[..(column - 1)] + "…";
}
