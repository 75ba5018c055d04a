using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// On DaskCluster deletion: deletes every worker group that names the cluster, including groups a user created
/// and the operator has not adopted yet, before the cluster goes; owned pods and services follow by owner reference.
/// </summary>
internal sealed class ClusterFinalizer(KubeApi api)
{
    public const string Name = "kubernetes.dask.org/cluster-cleanup";

    public static bool IsPresent(DaskCluster cluster) => cluster.Metadata.Finalizers?.Contains(Name) == true;

    public async Task AddAsync(DaskCluster cluster, CancellationToken ct)
    {
        var finalizers = (cluster.Metadata.Finalizers ?? []).Append(Name).ToList();
        await api.MergePatchAsync("daskclusters", cluster.Metadata.NamespaceProperty, cluster.Metadata.Name,
            MergePatch.Metadata(("finalizers", MergePatch.Value(finalizers)), ("resourceVersion", cluster.Metadata.ResourceVersion)), ct).ConfigureAwait(false);
    }

    /// <summary>Returns true once nothing is left and the finalizer is removed.</summary>
    public async Task<bool> FinalizeAsync(DaskCluster cluster, CancellationToken ct)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var groups = (await api.ListAsync<DaskWorkerGroup>("daskworkergroups", ns, ct).ConfigureAwait(false))
            .Where(g => g.Spec.Cluster == cluster.Metadata.Name).ToList();
        foreach (var group in groups.Where(g => g.Metadata.DeletionTimestamp is null))
        {
            await api.DeleteAsync("daskworkergroups", ns, group.Metadata.Name, ct).ConfigureAwait(false);
        }
        var workers = await api.ListPodsAsync(ns, $"{Labels.ClusterName}={cluster.Metadata.Name},{Labels.Component}={Labels.Worker}", ct)
            .ConfigureAwait(false);
        foreach (var pod in workers.Where(p => !p.IsTerminating()))
        {
            await api.DeletePodAsync(ns, pod.Metadata.Name, ct).ConfigureAwait(false);
        }
        if (groups.Count > 0 || workers.Count > 0)
        {
            return false;
        }

        var finalizers = (cluster.Metadata.Finalizers ?? []).Where(f => f != Name).ToList();
        await api.MergePatchAsync("daskclusters", ns, cluster.Metadata.Name,
            MergePatch.Metadata(("finalizers", MergePatch.Value(finalizers)), ("resourceVersion", cluster.Metadata.ResourceVersion)), ct).ConfigureAwait(false);
        return true;
    }
}
