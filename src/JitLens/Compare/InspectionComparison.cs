using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Compare;

/// <summary>
/// Two inspections side by side: the units both have, matched by name (signature included, else by the name alone
/// when it is unique on both sides, as for two Numba signatures of one function), each compared line by line through
/// the alignment of their sources. Renderers read this; none of them matches units or lines itself.
/// </summary>
public sealed class InspectionComparison
{
    private InspectionComparison(string leftLabel, string rightLabel, IReadOnlyList<UnitComparison> units, IReadOnlyList<string> leftOnly, IReadOnlyList<string> rightOnly)
    {
        LeftLabel = leftLabel;
        RightLabel = rightLabel;
        Units = units;
        LeftOnly = leftOnly;
        RightOnly = rightOnly;
    }

    /// <summary>What the left side is, for headers: a file name, a tier, an arch.</summary>
    public string LeftLabel { get; }

    public string RightLabel { get; }

    public IReadOnlyList<UnitComparison> Units { get; }

    /// <summary>Units only the left side has (removed by the edit, or not compiled for that side).</summary>
    public IReadOnlyList<string> LeftOnly { get; }

    public IReadOnlyList<string> RightOnly { get; }

    /// <param name="views">Views to compare, in order; empty = every view either side has.</param>
    /// <exception cref="InspectionException">The two sides share no unit: there is nothing to compare.</exception>
    public static InspectionComparison Of(InspectionResult left, InspectionResult right, string leftLabel, string rightLabel, IReadOnlyList<string> views)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(views);
        var leftUnits = left.Methods.Concat(left.Kernels).ToList();
        var rightUnits = right.Methods.Concat(right.Kernels).ToList();
        var pairs = UnitPairs.Match(leftUnits, rightUnits);
        if (pairs.Count == 0)
        {
            throw new InspectionException($"{leftLabel} and {rightLabel} share no method: there is nothing to compare.");
        }

        var alignments = new Dictionary<(SourceDocument, SourceDocument), LineAlignment>();
        var units = pairs.Select(p => UnitComparer.Compare(p.Left, p.Right, views, AlignmentOf(alignments, p.Left.Source, p.Right.Source))).ToList();
        var leftOnly = leftUnits.Except(pairs.Select(p => p.Left)).Select(u => u.Name).ToList();
        var rightOnly = rightUnits.Except(pairs.Select(p => p.Right)).Select(u => u.Name).ToList();
        return new InspectionComparison(leftLabel, rightLabel, units, leftOnly, rightOnly);
    }

    private static LineAlignment AlignmentOf(Dictionary<(SourceDocument, SourceDocument), LineAlignment> known, SourceDocument left, SourceDocument right)
    {
        if (!known.TryGetValue((left, right), out var alignment))
        {
            alignment = LineAlignment.Of(left.Lines, right.Lines);
            known[(left, right)] = alignment;
        }

        return alignment;
    }
}
