using System.Globalization;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>One sentence that counts a unit's remarks by kind: "2 bounds checks kept, 1 allocation inside a loop".</summary>
public static class RemarkSummary
{
    public static string? Of(IReadOnlyList<CodeRemark> remarks)
    {
        if (remarks.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var kind in RemarkCatalog.All.DistinctBy(k => k.Name))
        {
            var ofKind = remarks.Where(r => r.Kind == kind.Name).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var inLoop = ofKind.Count(r => r.InLoop);
            var counted = ofKind.Count.ToString(CultureInfo.InvariantCulture) + " " + (ofKind.Count == 1 ? kind.Singular : kind.Plural);
            var loops = inLoop == 0 || kind.Singular.EndsWith("loop", StringComparison.Ordinal)
                ? string.Empty
                : inLoop == ofKind.Count ? (ofKind.Count == 1 ? " inside a loop" : " inside loops") : inLoop == 1 ? " (1 inside a loop)" : $" ({inLoop.ToString(CultureInfo.InvariantCulture)} inside loops)";
            parts.Add(counted + loops);
        }

        return string.Join(", ", parts);
    }
}
