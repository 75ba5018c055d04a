using JitLens.Model;

namespace JitLens.Compare;

/// <summary>Which unit of the left inspection is which of the right one.</summary>
internal static class UnitPairs
{
    public static IReadOnlyList<(InspectedUnit Left, InspectedUnit Right)> Match(IReadOnlyList<InspectedUnit> left, IReadOnlyList<InspectedUnit> right)
    {
        var pairs = new List<(InspectedUnit, InspectedUnit)>();
        var unmatched = right.ToList();
        var waiting = new List<InspectedUnit>();

        // Same name and signature first: the same method before and after an edit, or at two tiers.
        foreach (var unit in left)
        {
            var same = unmatched.FirstOrDefault(r => r.Kind == unit.Kind && r.Name == unit.Name && r.Signature == unit.Signature);
            if (same is null)
            {
                waiting.Add(unit);
                continue;
            }

            pairs.Add((unit, same));
            unmatched.Remove(same);
        }

        // Then the name alone, where it is unambiguous on both sides: one signature of a function against another.
        foreach (var unit in waiting)
        {
            var name = BareName(unit);
            var candidates = unmatched.Where(r => r.Kind == unit.Kind && BareName(r) == name).ToList();
            if (candidates.Count == 1 && waiting.Count(w => w.Kind == unit.Kind && BareName(w) == name) == 1)
            {
                pairs.Add((unit, candidates[0]));
                unmatched.Remove(candidates[0]);
            }
        }

        return pairs;
    }

    /// <summary>The name without its parameter list: <c>Ns.T.M(int[])</c> and <c>dot(float64[:])</c> become <c>Ns.T.M</c>, <c>dot</c>.</summary>
    private static string BareName(InspectedUnit unit)
    {
        var open = unit.Name.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? unit.Name : unit.Name[..open];
    }
}
