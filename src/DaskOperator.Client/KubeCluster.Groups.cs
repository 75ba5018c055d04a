using System.Text.Json.Nodes;
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
        foreach (var scaler in await AutoscalersOfAsync(group, cancellationToken).ConfigureAwait(false))
        {
            await _api.DeleteAsync("daskautoscalers", scaler.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }
        JsonObject Replicas() => new() { ["spec"] = new JsonObject { ["worker"] = new JsonObject { ["replicas"] = workers } } };
        // The default group follows the cluster's replicas when they change: keep both saying the same.
        if (workerGroup == ResourceNames.DefaultGroup)
        {
            await _api.MergePatchAsync("daskclusters", Name, Replicas(), cancellationToken).ConfigureAwait(false);
        }
        await _api.MergePatchAsync("daskworkergroups", group.Metadata.Name, Replicas(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets the scheduler choose a group's worker count between <paramref name="minimum"/> and <paramref name="maximum"/>
    /// (dask-kubernetes' <c>adapt</c>): for the default group a DaskAutoscaler named like the cluster, as upstream; for
    /// another group one named <c>{cluster}-{group}</c> with <c>spec.workerGroup</c>. An existing one is updated.
    /// </summary>
    public async Task AdaptAsync(int minimum, int maximum, string workerGroup = ResourceNames.DefaultGroup, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        var group = await GetGroupAsync(workerGroup, cancellationToken).ConfigureAwait(false);
        var existing = (await AutoscalersOfAsync(group, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (existing is not null)
        {
            await _api.MergePatchAsync("daskautoscalers", existing.Metadata.Name, new JsonObject { ["spec"] = new JsonObject { ["minimum"] = minimum, ["maximum"] = maximum } }, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        await _api.CreateAsync("daskautoscalers", new DaskAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = ResourceNames.Autoscaler(Name, workerGroup), NamespaceProperty = Namespace, Labels = ClusterLabels("autoscaler") },
            Spec = new DaskAutoscalerSpec
            {
                Cluster = Name,
                WorkerGroup = workerGroup == ResourceNames.DefaultGroup ? null : group.Metadata.Name,
                Minimum = minimum,
                Maximum = maximum,
            },
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

    /// <summary>Deletes a worker group (and its autoscaler) and waits until it is gone: the operator first retires its workers through the scheduler, so their data moves to the remaining workers.</summary>
    public async Task DeleteWorkerGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        if (name == ResourceNames.DefaultGroup)
        {
            throw new KubeClusterException($"The default worker group of Dask cluster '{Name}' cannot be deleted; scale it to 0 instead.");
        }
        var group = await GetGroupAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var scaler in await AutoscalersOfAsync(group, cancellationToken).ConfigureAwait(false))
        {
            await _api.DeleteAsync("daskautoscalers", scaler.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }
        await _api.DeleteAsync("daskworkergroups", group.Metadata.Name, cancellationToken).ConfigureAwait(false);
        await WaitUntilGoneAsync<DaskWorkerGroup>(_api, "daskworkergroups", group.Metadata.Name, _resourceTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cluster's worker groups by their short name (<c>default</c>, <c>gpu</c>...) with desired and ready workers.</summary>
    public async Task<IReadOnlyList<WorkerGroupSummary>> ListWorkerGroupsAsync(CancellationToken cancellationToken = default) =>
        (await WorkerGroupsAsync(cancellationToken).ConfigureAwait(false))
            .Select(g => new WorkerGroupSummary(g.Name, g.Group.Spec.Worker.Replicas, g.Group.Status?.ReadyReplicas ?? 0))
            .ToList();

    private async Task<List<(string Name, DaskWorkerGroup Group)>> WorkerGroupsAsync(CancellationToken ct)
    {
        return (await _api.ListAsync<DaskWorkerGroup>("daskworkergroups", null, ct).ConfigureAwait(false))
            .Where(g => g.Spec.Cluster == Name && g.Metadata.DeletionTimestamp is null)
            .Select(g => (ResourceNames.GroupShortName(Name, g.Metadata.Name), g))
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

    /// <summary>
    /// The DaskAutoscalers that scale <paramref name="group"/>: <c>spec.workerGroup</c> naming it (in full or without the
    /// cluster prefix), or, for the default group, none named — as the operator reads them.
    /// </summary>
    private async Task<List<DaskAutoscaler>> AutoscalersOfAsync(DaskWorkerGroup group, CancellationToken ct)
    {
        var shortName = ResourceNames.GroupShortName(Name, group.Metadata.Name);
        return (await _api.ListAsync<DaskAutoscaler>("daskautoscalers", null, ct).ConfigureAwait(false))
            .Where(s => s.Spec.Cluster == Name && s.Metadata.DeletionTimestamp is null)
            .Where(s => s.Spec.WorkerGroup is { } target
                ? target == group.Metadata.Name || target == shortName
                : shortName == ResourceNames.DefaultGroup)
            .ToList();
    }

    private Dictionary<string, string> ClusterLabels(string component) => new()
    {
        ["dask.org/cluster-name"] = Name,
        ["dask.org/component"] = component,
    };
}
