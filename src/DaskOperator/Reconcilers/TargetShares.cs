using DaskOperator.Crds;

namespace DaskOperator.Reconcilers;

/// <summary>
/// How the scheduler's one adaptive target (a worker count for the whole cluster) is shared by the cluster's
/// autoscaled groups. Workers of groups without an autoscaler count as already there; the rest is dealt out one
/// worker at a time, in group-name order, starting from each group's minimum and never above its maximum. Every
/// autoscaler computes the same split from the same specs, and no share depends on another group's current size,
/// so two groups' autoscalers never undo each other's changes.
/// </summary>
internal sealed class TargetShares
{
    private readonly List<(string Scaler, int Minimum, int Maximum)> _active;
    private readonly int _otherWorkers;

    private TargetShares(Dictionary<string, DaskWorkerGroup> groupOf, HashSet<string> duplicates,
        List<(string Scaler, int Minimum, int Maximum)> active, int otherWorkers)
    {
        GroupOf = groupOf;
        Duplicates = duplicates;
        _active = active;
        _otherWorkers = otherWorkers;
    }

    /// <summary>The group each autoscaler (by name) scales; absent when its group does not exist.</summary>
    public IReadOnlyDictionary<string, DaskWorkerGroup> GroupOf { get; }

    /// <summary>Autoscalers that name a group an older autoscaler already scales.</summary>
    public IReadOnlySet<string> Duplicates { get; }

    public static TargetShares Assign(string cluster, IReadOnlyList<DaskWorkerGroup> groups, IReadOnlyList<DaskAutoscaler> scalers)
    {
        var byName = groups.ToDictionary(g => g.Metadata.Name);
        var groupOf = new Dictionary<string, DaskWorkerGroup>();
        foreach (var scaler in scalers)
        {
            if (Resolve(cluster, scaler.Spec.WorkerGroup, byName) is { } group)
            {
                groupOf[scaler.Metadata.Name] = group;
            }
        }
        var duplicates = new HashSet<string>();
        var active = new List<(string Scaler, string Group, int Minimum, int Maximum)>();
        foreach (var scaler in scalers.Where(s => groupOf.ContainsKey(s.Metadata.Name) && s.Spec.Minimum <= s.Spec.Maximum)
                     .OrderBy(s => s.Metadata.CreationTimestamp).ThenBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var group = groupOf[scaler.Metadata.Name].Metadata.Name;
            if (active.Any(a => a.Group == group))
            {
                duplicates.Add(scaler.Metadata.Name);
            }
            else
            {
                active.Add((scaler.Metadata.Name, group, scaler.Spec.Minimum, scaler.Spec.Maximum));
            }
        }
        var autoscaled = active.Select(a => a.Group).ToHashSet();
        var otherWorkers = groups.Where(g => !autoscaled.Contains(g.Metadata.Name)).Sum(g => Math.Max(0, g.Spec.Worker.Replicas));
        return new TargetShares(groupOf, duplicates,
            active.OrderBy(a => a.Group, StringComparer.Ordinal).Select(a => (a.Scaler, a.Minimum, a.Maximum)).ToList(), otherWorkers);
    }

    /// <summary>The workers <paramref name="scaler"/>'s group should have for a cluster-wide <paramref name="target"/>.</summary>
    public int Share(string scaler, int target)
    {
        var need = Math.Max(0, target - _otherWorkers);
        var shares = _active.Select(a => a.Minimum).ToArray();
        var left = need - shares.Sum();
        while (left > 0)
        {
            var given = false;
            for (var i = 0; i < shares.Length && left > 0; i++)
            {
                if (shares[i] >= _active[i].Maximum)
                {
                    continue;
                }

                shares[i]++;
                left--;
                given = true;
            }
            if (!given)
            {
                break;
            }
        }
        var index = _active.FindIndex(a => a.Scaler == scaler);
        return index < 0 ? need : shares[index];
    }

    /// <summary>spec.workerGroup: absent is the default group; else the group's name, or its name without the "cluster-" prefix.</summary>
    private static DaskWorkerGroup? Resolve(string cluster, string? workerGroup, Dictionary<string, DaskWorkerGroup> groups) =>
        workerGroup is null ? groups.GetValueOrDefault(PodTemplates.DefaultGroupName(cluster))
        : groups.GetValueOrDefault(workerGroup) ?? groups.GetValueOrDefault($"{cluster}-{workerGroup}");
}
