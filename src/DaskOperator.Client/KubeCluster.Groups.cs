using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Client;

public sealed partial class KubeCluster
{
    /// <summary>
    /// Sets a worker group's worker count (dask-kubernetes' <c>scale</c>) and turns off that group's adaptivity.
    /// Scale-down is done by the operator through the scheduler, so the data on retired workers moves first.
    /// </summary>
    public async Task ScaleAsync(int workers, string workerGroup = ResourceNames.DefaultGroup, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        var group = await GetGroupAsync(workerGroup, cancellationToken).ConfigureAwait(false);
        await _api.DeleteAsync("daskautoscalers", ResourceNames.Autoscaler(Name, workerGroup), cancellationToken).ConfigureAwait(false);
        var replicas = new { spec = new { worker = new { replicas = workers } } };
        // The default group follows the cluster's replicas when they change: keep both saying the same.
        if (workerGroup == ResourceNames.DefaultGroup)
        {
            await _api.MergePatchAsync("daskclusters", Name, replicas, cancellationToken).ConfigureAwait(false);
        }
        await _api.MergePatchAsync("daskworkergroups", group.Metadata.Name, replicas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets the scheduler choose the default group's worker count between <paramref name="minimum"/> and
    /// <paramref name="maximum"/> (dask-kubernetes' <c>adapt</c>): a DaskAutoscaler named like the cluster.
    /// </summary>
    public async Task AdaptAsync(int minimum, int maximum, string workerGroup = ResourceNames.DefaultGroup, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        await GetGroupAsync(workerGroup, cancellationToken).ConfigureAwait(false);
        if (workerGroup != ResourceNames.DefaultGroup)
        {
            throw new KubeClusterException(
                $"Adaptive scaling of worker group '{workerGroup}' needs DaskAutoscaler spec.workerGroup, which this operator does not serve yet; only the default group adapts.");
        }
        var name = ResourceNames.Autoscaler(Name, workerGroup);
        var existing = await _api.GetAsync<DaskAutoscaler>("daskautoscalers", name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            await _api.MergePatchAsync("daskautoscalers", name, new { spec = new { minimum, maximum } }, cancellationToken).ConfigureAwait(false);
            return;
        }
        await _api.CreateAsync("daskautoscalers", new DaskAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = ClusterLabels("autoscaler") },
            Spec = new DaskAutoscalerSpec { Cluster = Name, Minimum = minimum, Maximum = maximum },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a DaskWorkerGroup <c>{cluster}-{name}</c>; unset options take the default group's image.</summary>
    public async Task AddWorkerGroupAsync(string name, WorkerGroupOptions? options = null, CancellationToken cancellationToken = default)
    {
        ResourceNames.CheckGroup(Name, name);
        var groups = await WorkerGroupsAsync(cancellationToken).ConfigureAwait(false);
        if (groups.Any(g => g.Name == name))
        {
            throw new KubeClusterException($"Dask cluster '{Name}' already has a worker group '{name}'.");
        }
        var defaults = groups.Where(g => g.Name == ResourceNames.DefaultGroup).Select(g => g.Group.Spec.Worker).FirstOrDefault() ?? new WorkerTemplate();
        await _api.CreateAsync("daskworkergroups", new DaskWorkerGroup
        {
            Metadata = new V1ObjectMeta { Name = ResourceNames.WorkerGroup(Name, name), NamespaceProperty = Namespace, Labels = ClusterLabels("workergroup") },
            Spec = new DaskWorkerGroupSpec { Cluster = Name, Worker = ClusterSpecs.Group(options ?? new WorkerGroupOptions(), defaults) },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a worker group (and its autoscaler); the operator retires its workers.</summary>
    public async Task DeleteWorkerGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        if (name == ResourceNames.DefaultGroup)
        {
            throw new KubeClusterException($"The default worker group of Dask cluster '{Name}' cannot be deleted; scale it to 0 instead.");
        }
        var group = await GetGroupAsync(name, cancellationToken).ConfigureAwait(false);
        await _api.DeleteAsync("daskautoscalers", ResourceNames.Autoscaler(Name, name), cancellationToken).ConfigureAwait(false);
        await _api.DeleteAsync("daskworkergroups", group.Metadata.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cluster's worker groups by their short name (<c>default</c>, <c>gpu</c>...) with desired and ready workers.</summary>
    public async Task<IReadOnlyList<WorkerGroupSummary>> ListWorkerGroupsAsync(CancellationToken cancellationToken = default) =>
        (await WorkerGroupsAsync(cancellationToken).ConfigureAwait(false))
            .Select(g => new WorkerGroupSummary(g.Name, g.Group.Spec.Worker.Replicas, g.Group.Status?.ReadyReplicas ?? 0))
            .ToList();

    private async Task<List<(string Name, DaskWorkerGroup Group)>> WorkerGroupsAsync(CancellationToken ct)
    {
        var prefix = Name + "-";
        return (await _api.ListAsync<DaskWorkerGroup>("daskworkergroups", null, ct).ConfigureAwait(false))
            .Where(g => g.Spec.Cluster == Name && g.Metadata.DeletionTimestamp is null)
            .Select(g => (g.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal) ? g.Metadata.Name[prefix.Length..] : g.Metadata.Name, g))
            .OrderBy(g => g.Item1 != ResourceNames.DefaultGroup).ThenBy(g => g.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<DaskWorkerGroup> GetGroupAsync(string name, CancellationToken ct)
    {
        var groups = await WorkerGroupsAsync(ct).ConfigureAwait(false);
        return groups.Where(g => g.Name == name).Select(g => g.Group).FirstOrDefault()
            ?? throw new UnknownWorkerGroupException(
                $"Dask cluster '{Name}' has no worker group '{name}' (it has: {string.Join(", ", groups.Select(g => g.Name))}).");
    }

    private Dictionary<string, string> ClusterLabels(string component) => new()
    {
        ["dask.org/cluster-name"] = Name,
        ["dask.org/component"] = component,
    };
}
