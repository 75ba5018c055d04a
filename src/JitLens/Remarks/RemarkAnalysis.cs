using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>Runs every registered remark kind over a unit and attaches the remarks, in line order, with their summary.</summary>
public static class RemarkAnalysis
{
    public static void Annotate(InspectedUnit unit)
    {
        var found = RemarkCatalog.All
            .SelectMany((kind, order) => kind.Find(unit).Select(remark => (remark, order)))
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
