using JitLens.Model;

namespace JitLens.Compare;

/// <summary>Compares one unit with its counterpart: every line that owns code on either side, in the sources' aligned order.</summary>
internal static class UnitComparer
{
    public static UnitComparison Compare(InspectedUnit left, InspectedUnit right, IReadOnlyList<string> requested, LineAlignment alignment)
    {
        var views = requested.Count > 0
            ? requested.Where(v => left.Views.ContainsKey(v) || right.Views.ContainsKey(v)).ToList()
            : left.Views.Keys.Concat(right.Views.Keys).Distinct(StringComparer.Ordinal).ToList();
        var a = new UnitSide(left, views);
        var b = new UnitSide(right, views);

        // Each line either side shows, placed at its step of the alignment; a line beyond its source goes last.
        var steps = new SortedSet<int>(
            a.Lines.Keys.Select(l => alignment.StepOfLeft(l) ?? int.MaxValue)
                .Concat(b.Lines.Keys.Select(r => alignment.StepOfRight(r) ?? int.MaxValue)));
        var rows = steps.Where(s => s != int.MaxValue)
            .Select(s => alignment.Steps[s])
            .Select(step => Row(step, a, b, views))
            .ToList();
        rows.AddRange(a.Lines.Keys.Where(l => alignment.StepOfLeft(l) is null).Select(l => Row(new AlignedLine(l, null, false), a, b, views)));
        rows.AddRange(b.Lines.Keys.Where(r => alignment.StepOfRight(r) is null).Select(r => Row(new AlignedLine(null, r, false), a, b, views)));

        var totals = views.Select(v => new ViewDelta(v, a.Whole(v), b.Whole(v))).ToList();
        return new UnitComparison(left.Name, left, right, views, rows, totals);
    }

    private static LineComparison Row(AlignedLine step, UnitSide left, UnitSide right, IReadOnlyList<string> views) => new(
        step.Left,
        step.Right,
        left.SourceOf(step.Left),
        right.SourceOf(step.Right),
        step.SourceChanged,
        views.Select(v => new ViewDelta(v, left.Under(step.Left, v), right.Under(step.Right, v))).ToList());
}
