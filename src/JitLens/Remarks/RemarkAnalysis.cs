using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>Works out a unit's <see cref="ListingFacts"/> once, runs every registered remark kind over them and attaches the remarks, in line order, with their summary.</summary>
public static class RemarkAnalysis
{
    public static void Annotate(InspectedUnit unit)
    {
        var facts = ListingFacts.Of(unit);
        var found = RemarkCatalog.All
            .SelectMany((kind, order) => kind.Find(facts).Select(remark => (remark, order)))
            .OrderBy(r => r.remark.Line ?? int.MaxValue)
            .ThenBy(r => r.order)
            .Select(r => r.remark)
            .ToList();
        unit.Remarks.Clear();
        foreach (var remark in found)
        {
            unit.Remarks.Add(remark);
        }

        unit.RemarkSummary = RemarkSummary.Of(found);
    }
}
