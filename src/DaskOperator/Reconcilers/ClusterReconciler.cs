using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// DaskCluster → scheduler pod, scheduler service and the default worker group, all owned by the cluster.
/// Spec changes are rolled out: the scheduler pod is replaced when its template changes, the service patched,
/// the default group updated (its own reconcile then rolls its workers).
/// </summary>
internal sealed partial class ClusterReconciler(KubeApi api, EventRecorder events, ClusterFinalizer finalizer, SchedulerLocator schedulers)
    : IReconciler
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(30);

    public DaskKind Kind => DaskKind.Cluster;

    public async Task<ReconcileResult> ReconcileAsync(string ns, string name, CancellationToken ct)
    {
        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, name, ct).ConfigureAwait(false);
        if (cluster is null)
        {
            return ReconcileResult.Done;
        }

        if (cluster.Metadata.DeletionTimestamp is not null)
        {
            if (!ClusterFinalizer.IsPresent(cluster))
            {
                return ReconcileResult.Done;
            }

            return await finalizer.FinalizeAsync(cluster, ct).ConfigureAwait(false) ? ReconcileResult.Done : ReconcileResult.After(Soon);
        }
        if (ClusterNames.Problem("DaskCluster", name) is { } problem)
        {
            return await RefuseAsync(cluster, problem, ct).ConfigureAwait(false);
        }
        // The finalizer goes on before any child exists, so a delete can never skip the cleanup.
        if (!ClusterFinalizer.IsPresent(cluster))
        {
            await finalizer.AddAsync(cluster, ct).ConfigureAwait(false);
        }

        var result = ReconcileResult.After(Resync);
        var scheduler = await EnsureSchedulerPodAsync(cluster, ct).ConfigureAwait(false);
        if (scheduler is null || !scheduler.IsRunning())
        {
            result = result.Min(ReconcileResult.After(TimeSpan.FromSeconds(5)));
        }

        var service = await EnsureServiceAsync(cluster, ct).ConfigureAwait(false);
        var group = await EnsureDefaultGroupAsync(cluster, ct).ConfigureAwait(false);
        var idle = await CheckIdleAsync(cluster, scheduler, ct).ConfigureAwait(false);
        if (idle.Expired)
        {
            return ReconcileResult.Done;
        }

        await UpdateStatusAsync(cluster, scheduler, service, group, idle.Since, ct).ConfigureAwait(false);
        return idle.Since is null && cluster.Spec.IdleTimeout <= 0 ? result : result.Min(ReconcileResult.After(IdlePoll(cluster)));
    }

    private async Task<V1Pod?> EnsureSchedulerPodAsync(DaskCluster cluster, CancellationToken ct)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var hash = SpecHash.Of(cluster.Spec.Scheduler.Metadata, cluster.Spec.Scheduler.Spec);
        var pod = await api.GetPodAsync(ns, PodTemplates.SchedulerName(cluster.Metadata.Name), ct).ConfigureAwait(false);
        if (pod is null)
        {
            pod = await api.CreatePodAsync(ns, PodTemplates.SchedulerPod(cluster, hash), ct).ConfigureAwait(false);
            await events.NormalAsync(cluster, "SchedulerCreated", $"Created scheduler pod {pod.Metadata.Name}.", ct).ConfigureAwait(false);
            return pod;
        }
        if (pod.IsTerminating())
        {
            return null;
        }

        if (pod.IsFinished() || pod.SpecHashOf() != hash)
        {
            var why = pod.IsFinished() ? $"it is {pod.Status?.Phase}" : "the scheduler spec changed";
            await api.DeletePodAsync(ns, pod.Metadata.Name, ct).ConfigureAwait(false);
            await events.NormalAsync(cluster, "SchedulerReplaced", $"Replacing scheduler pod {pod.Metadata.Name} because {why}.", ct).ConfigureAwait(false);
            return null;
        }
        return pod;
    }

    private async Task<V1Service> EnsureServiceAsync(DaskCluster cluster, CancellationToken ct)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var desired = PodTemplates.SchedulerService(cluster, "");
        // The hash covers the labels and annotations passed down from the cluster too, so their changes reach the service.
        var hash = SpecHash.Of(desired.Metadata.Labels, desired.Metadata.Annotations, desired.Spec);
        desired.Metadata.Annotations[Labels.SpecHash] = hash;
        var service = await api.GetServiceAsync(ns, desired.Metadata.Name, ct).ConfigureAwait(false);
        if (service is null)
        {
            service = await api.CreateServiceAsync(ns, desired, ct).ConfigureAwait(false);
            await events.NormalAsync(cluster, "ServiceCreated", $"Created scheduler service {desired.Metadata.Name}.", ct).ConfigureAwait(false);
            return service;
        }
        if (service.Metadata.Annotations?.TryGetValue(Labels.SpecHash, out var current) == true && current == hash)
        {
            return service;
        }
        // Patched in place rather than recreated: the ClusterIP, which running workers already resolved, stays.
        await api.PatchServiceAsync(ns, desired.Metadata.Name, MergePatch.Object(
            ("metadata", MergePatch.Object(("labels", MergePatch.Value(desired.Metadata.Labels)), ("annotations", MergePatch.Value(desired.Metadata.Annotations)))),
            ("spec", MergePatch.Object(("ports", MergePatch.Value(desired.Spec.Ports)), ("selector", MergePatch.Value(desired.Spec.Selector)),
                ("type", desired.Spec.Type)))), ct).ConfigureAwait(false);
        await events.NormalAsync(cluster, "ServiceUpdated", $"Updated scheduler service {desired.Metadata.Name}.", ct).ConfigureAwait(false);
        return service;
    }

    /// <summary>An invalid name gets phase Error and one Warning event saying why; nothing is created for it.</summary>
    private async Task<ReconcileResult> RefuseAsync(DaskCluster cluster, string problem, CancellationToken ct)
    {
        var status = KubeApi.Clone(cluster.Status ?? new DaskStatus());
        status.Phase = "Error";
        status.ObservedGeneration = cluster.Metadata.Generation;
        status.Conditions = Conditions.Set(status.Conditions, "NameValid", false, "InvalidName", problem);
        if (cluster.Status.SameAs(status))
        {
            return ReconcileResult.Done;
        }

        await events.WarningAsync(cluster, "InvalidName", problem, ct).ConfigureAwait(false);
        await api.PatchStatusAsync("daskclusters", cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, status, ct).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>
    /// The default group follows the cluster's spec.worker. Replicas follow it only when the cluster's value
    /// changed since it was last passed on (recorded on the group), so scaling the default group directly, as
    /// dask-kubernetes' KubeCluster.scale and DaskAutoscaler do, is not undone.
    /// </summary>
    private async Task<DaskWorkerGroup> EnsureDefaultGroupAsync(DaskCluster cluster, CancellationToken ct)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var name = PodTemplates.DefaultGroupName(cluster.Metadata.Name);
        var clusterReplicas = cluster.Spec.Worker.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var labels = GroupLabels(cluster);
        var annotations = Ownership.ChildAnnotations(cluster.Metadata, cluster.Spec.Worker.Metadata);
        var group = await api.GetAsync<DaskWorkerGroup>("daskworkergroups", ns, name, ct).ConfigureAwait(false);
        if (group is null)
        {
            annotations[Labels.PropagatedReplicas] = clusterReplicas;
            group = new DaskWorkerGroup
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = ns,
                    Labels = labels,
                    Annotations = annotations,
                    OwnerReferences = [Ownership.ReferenceTo(cluster)],
                },
                Spec = new DaskWorkerGroupSpec { Cluster = cluster.Metadata.Name, Worker = KubeApi.Clone(cluster.Spec.Worker) },
            };
            group = await api.CreateAsync("daskworkergroups", ns, group, ct).ConfigureAwait(false);
            await events.NormalAsync(cluster, "WorkerGroupCreated", $"Created default worker group {name}.", ct).ConfigureAwait(false);
            return group;
        }
        var desired = KubeApi.Clone(cluster.Spec.Worker);
        var propagated = group.Metadata.Annotations?.TryGetValue(Labels.PropagatedReplicas, out var p) == true ? p : null;
        if (propagated == clusterReplicas)
        {
            desired.Replicas = group.Spec.Worker.Replicas;
        }

        if (KubeApi.Json(group.Spec.Worker) != KubeApi.Json(desired) || group.Spec.Cluster != cluster.Metadata.Name || propagated != clusterReplicas
            || !Contains(group.Metadata.Labels, labels) || !Contains(group.Metadata.Annotations, annotations))
        {
            group.Spec.Worker = desired;
            group.Spec.Cluster = cluster.Metadata.Name;
            group.Metadata.Labels ??= new Dictionary<string, string>();
            foreach (var (k, v) in labels)
            {
                group.Metadata.Labels[k] = v;
            }

            group.Metadata.Annotations ??= new Dictionary<string, string>();
            foreach (var (k, v) in annotations)
            {
                group.Metadata.Annotations[k] = v;
            }

            group.Metadata.Annotations[Labels.PropagatedReplicas] = clusterReplicas;
            group = await api.ReplaceAsync("daskworkergroups", ns, name, group, ct).ConfigureAwait(false);
        }
        return group;
    }

    /// <summary>The default group carries the cluster's labels and spec.worker.metadata's, as dask-kubernetes makes it.</summary>
    private static Dictionary<string, string> GroupLabels(DaskCluster cluster) =>
        Ownership.ChildLabels(cluster.Metadata, cluster.Spec.Worker.Metadata, new()
        {
            [Labels.ClusterName] = cluster.Metadata.Name,
            [Labels.Component] = Labels.WorkerGroup,
        });

    private static bool Contains(IDictionary<string, string>? actual, Dictionary<string, string> wanted) =>
        wanted.All(w => actual?.TryGetValue(w.Key, out var v) == true && v == w.Value);

    private async Task UpdateStatusAsync(DaskCluster cluster, V1Pod? scheduler, V1Service service, DaskWorkerGroup group, string? idleSince,
        CancellationToken ct)
    {
        var running = scheduler?.IsRunning() == true;
        // As dask-kubernetes: a LoadBalancer cluster is not Running before its service has an ingress address to reach.
        var reachable = service.Spec?.Type != "LoadBalancer" || service.Status?.LoadBalancer?.Ingress?.Count > 0;
        var status = KubeApi.Clone(cluster.Status ?? new DaskStatus());
        status.IdleSince = idleSince;
        status.Phase = running && reachable ? "Running" : cluster.Status?.Phase is null ? "Created" : "Pending";
        status.Replicas = group.Status?.Replicas ?? 0;
        status.ReadyReplicas = group.Status?.ReadyReplicas ?? 0;
        status.ObservedGeneration = cluster.Metadata.Generation;
        status.Conditions = Conditions.Set(status.Conditions, "SchedulerReady", running,
            running ? "PodRunning" : "PodNotRunning",
            running ? $"Scheduler pod {scheduler!.Metadata.Name} is running." : "The scheduler pod is not running yet.");
        status.Conditions = Conditions.Set(status.Conditions, "ServiceReachable", reachable,
            reachable ? "ServiceReady" : "WaitingForIngress",
            reachable ? $"Scheduler service {service.Metadata.Name} is reachable." : $"The LoadBalancer service {service.Metadata.Name} has no ingress address yet.");
        if (!cluster.Status.SameAs(status))
        {
            await api.PatchStatusAsync("daskclusters", cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, status, ct).ConfigureAwait(false);
        }
    }
}
