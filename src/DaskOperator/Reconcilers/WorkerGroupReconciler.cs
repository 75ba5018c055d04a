using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// DaskWorkerGroup → exactly spec.worker.replicas worker pods of the current template. Only this group's pods
/// (selected by its workergroup label) are ever created, retired or deleted here.
/// Order each pass: replace finished pods, roll out template changes, scale up, scale down, write status.
/// A deleted group's workers are retired first (<see cref="WorkerGroupFinalizer"/>).
/// </summary>
internal sealed partial class WorkerGroupReconciler(KubeApi api, EventRecorder events, SchedulerLocator schedulers, WorkerGroupFinalizer finalizer)
    : IReconciler
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(30);

    public DaskKind Kind => DaskKind.WorkerGroup;

    public async Task<ReconcileResult> ReconcileAsync(string ns, string name, CancellationToken ct)
    {
        var group = await api.GetAsync<DaskWorkerGroup>("daskworkergroups", ns, name, ct).ConfigureAwait(false);
        if (group is null)
        {
            return ReconcileResult.Done;
        }

        if (group.Metadata.DeletionTimestamp is not null)
        {
            if (!WorkerGroupFinalizer.IsPresent(group))
            {
                return ReconcileResult.Done;
            }

            return await finalizer.FinalizeAsync(group, ct).ConfigureAwait(false) ? ReconcileResult.Done : ReconcileResult.After(Soon);
        }
        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, group.Spec.Cluster, ct).ConfigureAwait(false);
        if (cluster is null || cluster.Metadata.DeletionTimestamp is not null)
        {
            await WriteStatusAsync(group, [], Conditions.Set(group.Status?.Conditions, "ClusterFound", false, "ClusterMissing",
                $"DaskCluster {group.Spec.Cluster} does not exist."), ct).ConfigureAwait(false);
            return ReconcileResult.After(TimeSpan.FromSeconds(10));
        }
        if (!Ownership.IsOwnedBy(group.Metadata, cluster))
        {
            await AdoptAsync(group, cluster, ct).ConfigureAwait(false);
            return ReconcileResult.After(TimeSpan.Zero);
        }
        // The finalizer goes on before any worker exists, so deleting the group always retires its workers.
        if (!WorkerGroupFinalizer.IsPresent(group))
        {
            await finalizer.AddAsync(group, ct).ConfigureAwait(false);
            return ReconcileResult.After(TimeSpan.Zero);
        }

        var hash = SpecHash.Of(group.Spec.Worker.Metadata, group.Spec.Worker.Spec);
        var pods = (await api.ListPodsAsync(ns, $"{Labels.WorkerGroupName}={name},{Labels.ClusterName}={group.Spec.Cluster}", ct)
            .ConfigureAwait(false)).Where(p => !p.IsTerminating()).ToList();
        var conditions = Conditions.Set(group.Status?.Conditions, "ClusterFound", true, "ClusterExists", $"DaskCluster {group.Spec.Cluster} exists.");
        var result = ReconcileResult.After(Resync);

        pods = await ReplaceFinishedAsync(group, pods, ct).ConfigureAwait(false);
        var desired = Math.Max(0, group.Spec.Worker.Replicas);
        var service = await api.GetServiceAsync(ns, PodTemplates.SchedulerName(group.Spec.Cluster), ct).ConfigureAwait(false);
        if (service is null)
        {
            // Workers find the scheduler through its service; they start once it exists.
            await WriteStatusAsync(group, pods, conditions, ct).ConfigureAwait(false);
            return ReconcileResult.After(Soon);
        }
        var schedulerPort = PodTemplates.CommPort(service.Spec);

        // While pods of an older template remain, one extra worker may exist so a replacement runs before one is retired.
        var target = desired + (desired > 0 && pods.Any(p => p.SpecHashOf() != hash) ? 1 : 0);
        if (pods.Count < target)
        {
            pods.AddRange(await CreateWorkersAsync(group, target - pods.Count, schedulerPort, hash, ct).ConfigureAwait(false));
        }
        var outcome = pods.Count > target
            ? await ScaleDownAsync(group, pods, pods.Count - target, hash, ct).ConfigureAwait(false)
            : await RollOutAsync(group, pods, hash, ct).ConfigureAwait(false);
        pods = pods.Except(outcome.Deleted).ToList();
        conditions = Conditions.Set(conditions, "ScaleDownBlocked", outcome.Blocked is not null,
            outcome.Blocked is null ? "None" : "SchedulerUnavailable", outcome.Blocked ?? "Nothing is waiting on the scheduler.");
        if (outcome.Blocked is not null || outcome.Deleted.Count > 0 || pods.Any(p => !p.IsRunning()))
        {
            result = ReconcileResult.After(Soon);
        }

        await WriteStatusAsync(group, pods, conditions, ct).ConfigureAwait(false);
        return result;
    }

    private async Task AdoptAsync(DaskWorkerGroup group, DaskCluster cluster, CancellationToken ct)
    {
        var owners = (group.Metadata.OwnerReferences ?? []).Append(Ownership.ReferenceTo(cluster)).ToList();
        await api.MergePatchAsync("daskworkergroups", group.Metadata.NamespaceProperty, group.Metadata.Name,
            MergePatch.Metadata(("ownerReferences", MergePatch.Value(owners)), ("resourceVersion", group.Metadata.ResourceVersion)), ct).ConfigureAwait(false);
        await events.NormalAsync(group, "Adopted", $"Adopted by DaskCluster {cluster.Metadata.Name}.", ct).ConfigureAwait(false);
    }

    /// <summary>A worker whose process ended (crashed, killed, or retired by us before a restart) is deleted; the count then brings a fresh one.</summary>
    private async Task<List<V1Pod>> ReplaceFinishedAsync(DaskWorkerGroup group, List<V1Pod> pods, CancellationToken ct)
    {
        foreach (var pod in pods.Where(p => p.IsFinished()))
        {
            await api.DeletePodAsync(group.Metadata.NamespaceProperty, pod.Metadata.Name, ct).ConfigureAwait(false);
            await events.NormalAsync(group, "WorkerReplaced", $"Worker pod {pod.Metadata.Name} is {pod.Status?.Phase}; removed it.", ct)
                .ConfigureAwait(false);
        }
        return pods.Where(p => !p.IsFinished()).ToList();
    }

    private async Task<List<V1Pod>> CreateWorkersAsync(DaskWorkerGroup group, int count, int schedulerPort, string hash, CancellationToken ct)
    {
        var created = new List<V1Pod>();
        for (var i = 0; i < count; i++)
        {
            var podName = $"{group.Metadata.Name}-worker-{Guid.NewGuid():N}"[..(group.Metadata.Name.Length + 8 + 10)];
            created.Add(await api.CreatePodAsync(group.Metadata.NamespaceProperty, PodTemplates.WorkerPod(group, podName, schedulerPort, hash), ct)
                .ConfigureAwait(false));
        }
        await events.NormalAsync(group, "ScaledUp", $"Created {count} worker pod(s); {group.Spec.Worker.Replicas} replicas wanted.", ct).ConfigureAwait(false);
        return created;
    }
}
