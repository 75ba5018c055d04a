using DaskOperator.Crds;

namespace DaskOperator.Reconcilers;

/// <summary>Sets a condition, keeping its transition time when the status did not change.</summary>
internal static class Conditions
{
    public static List<DaskCondition> Set(IEnumerable<DaskCondition>? existing, string type, bool status, string reason, string message)
    {
        var list = existing?.Select(c => c).ToList() ?? [];
        var value = status ? "True" : "False";
        var old = list.FirstOrDefault(c => c.Type == type);
        var changed = old is null || old.Status != value;
        list.RemoveAll(c => c.Type == type);
        list.Add(new DaskCondition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            LastTransitionTime = changed ? DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : old!.LastTransitionTime,
        });
        return list.OrderBy(c => c.Type, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when two statuses say the same thing; an unchanged status is not written (no watch storm).</summary>
    public static bool SameAs(this DaskStatus? a, DaskStatus b) =>
        a is not null && DaskJson.Serialize(a) == DaskJson.Serialize(b);
}
