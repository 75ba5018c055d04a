using DaskOperator.Controller;
using DaskOperator.Crds;
using DaskOperator.DaskProtocol;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// On DaskWorkerGroup deletion (e.g. a group dropped from a Helm release): the group's workers are retired through
/// the scheduler, so their data moves to the cluster's other workers, before their pods go; garbage collection
/// alone would kill them and lose what they hold. When the whole cluster goes, nothing is retired.
/// </summary>
internal sealed class WorkerGroupFinalizer(KubeApi api, EventRecorder events, SchedulerLocator schedulers)
{
    public const string Name = "kubernetes.dask.org/retire-workers";

    public static bool IsPresent(DaskWorkerGroup group) => group.Metadata.Finalizers?.Contains(Name) == true;

    public Task AddAsync(DaskWorkerGroup group, CancellationToken ct) =>
        api.MergePatchAsync("daskworkergroups", group.Metadata.NamespaceProperty, group.Metadata.Name, MergePatch.Metadata(
            ("finalizers", MergePatch.Value((group.Metadata.Finalizers ?? []).Append(Name).ToList())), ("resourceVersion", group.Metadata.ResourceVersion)), ct);

    /// <summary>Returns true once the group's workers are gone and the finalizer is removed.</summary>
    public async Task<bool> FinalizeAsync(DaskWorkerGroup group, CancellationToken ct)
    {
        var ns = group.Metadata.NamespaceProperty;
        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, group.Spec.Cluster, ct).ConfigureAwait(false);
        if (cluster is not null && cluster.Metadata.DeletionTimestamp is null)
        {
            var pods = (await api.ListPodsAsync(ns, $"{Labels.WorkerGroupName}={group.Metadata.Name},{Labels.ClusterName}={group.Spec.Cluster}", ct)
                .ConfigureAwait(false)).Where(p => !p.IsTerminating()).ToList();
            if (pods.Count > 0 && !await RetireAsync(group, pods, ct).ConfigureAwait(false))
            {
                return false;
            }
        }
        await api.MergePatchAsync("daskworkergroups", ns, group.Metadata.Name, MergePatch.Metadata(
            ("finalizers", MergePatch.Value((group.Metadata.Finalizers ?? []).Where(f => f != Name).ToList())),
            ("resourceVersion", group.Metadata.ResourceVersion)), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Retires every registered worker of the group and deletes its pod; pods the scheduler does not list hold no data and go at once.</summary>
    private async Task<bool> RetireAsync(DaskWorkerGroup group, List<V1Pod> pods, CancellationToken ct)
    {
        var ns = group.Metadata.NamespaceProperty;
        var scheduler = await schedulers.ForClusterAsync(ns, group.Spec.Cluster, ct).ConfigureAwait(false);
        IReadOnlyList<SchedulerWorker> workers = [];
        if (scheduler is not null)
        {
            try
            {
                workers = await scheduler.WorkersAsync(ct).ConfigureAwait(false);
            }
            catch (DaskProtocolException e)
            {
                await events.WarningAsync(group, "RetireBlocked", $"{e.Message}; the group's workers are kept until the scheduler answers.", ct)
                    .ConfigureAwait(false);
                return false;
            }
        }
        var podOf = WorkerPods.Match(pods, workers);
        foreach (var pod in pods.Where(p => !podOf.ContainsValue(p)))
        {
            await api.DeletePodAsync(ns, pod.Metadata.Name, ct).ConfigureAwait(false);
        }
        if (podOf.Count == 0)
        {
            return true;
        }

        var retired = await scheduler!.RetireAsync([.. podOf.Keys], ct).ConfigureAwait(false);
        foreach (var address in retired.Where(podOf.ContainsKey))
        {
            await api.DeletePodAsync(ns, podOf[address].Metadata.Name, ct).ConfigureAwait(false);
        }
        await events.NormalAsync(group, "WorkersRetired",
            $"The group is being deleted: retired {retired.Count} of {podOf.Count} worker(s) through the scheduler and deleted their pods.", ct)
            .ConfigureAwait(false);
        return retired.Count >= podOf.Count;
    }
}
