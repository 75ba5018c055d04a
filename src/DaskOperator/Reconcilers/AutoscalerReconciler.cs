using DaskOperator.Controller;
using DaskOperator.Crds;
using DaskOperator.DaskProtocol;

namespace DaskOperator.Reconcilers;

/// <summary>
/// DaskAutoscaler → the cluster's default worker count follows the scheduler's adaptive target, clamped to
/// [minimum, maximum], written to the default group's spec.worker.replicas as dask-kubernetes does; the
/// periodic look is a requeue-after.
/// </summary>
internal sealed class AutoscalerReconciler(KubeApi api, EventRecorder events, SchedulerLocator schedulers) : IReconciler
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public DaskKind Kind => DaskKind.Autoscaler;

    public async Task<ReconcileResult> ReconcileAsync(string ns, string name, CancellationToken ct)
    {
        var scaler = await api.GetAsync<DaskAutoscaler>("daskautoscalers", ns, name, ct).ConfigureAwait(false);
        if (scaler is null || scaler.Metadata.DeletionTimestamp is not null) return ReconcileResult.Done;
        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, scaler.Spec.Cluster, ct).ConfigureAwait(false);
        if (cluster is null) return await ReportAsync(scaler, false, "ClusterMissing", $"DaskCluster {scaler.Spec.Cluster} does not exist.", ct).ConfigureAwait(false);
        if (!Ownership.IsOwnedBy(scaler.Metadata, cluster))
        {
            var owners = (scaler.Metadata.OwnerReferences ?? []).Append(Ownership.ReferenceTo(cluster)).ToList();
            await api.MergePatchAsync("daskautoscalers", ns, name, new { metadata = new { ownerReferences = owners } }, ct).ConfigureAwait(false);
        }
        var scheduler = await schedulers.ForClusterAsync(ns, scaler.Spec.Cluster, ct).ConfigureAwait(false);
        if (scheduler is null) return await ReportAsync(scaler, false, "SchedulerUnavailable", "The scheduler service has no address yet.", ct).ConfigureAwait(false);
        int target;
        try
        {
            target = await scheduler.AdaptiveTargetAsync(ct).ConfigureAwait(false);
        }
        catch (DaskProtocolException e)
        {
            return await ReportAsync(scaler, false, "SchedulerUnavailable", e.Message, ct).ConfigureAwait(false);
        }
        var desired = Math.Clamp(target, scaler.Spec.Minimum, Math.Max(scaler.Spec.Minimum, scaler.Spec.Maximum));
        var groupName = PodTemplates.DefaultGroupName(cluster.Metadata.Name);
        var group = await api.GetAsync<DaskWorkerGroup>("daskworkergroups", ns, groupName, ct).ConfigureAwait(false);
        if (group is null) return await ReportAsync(scaler, false, "GroupMissing", $"DaskWorkerGroup {groupName} does not exist yet.", ct).ConfigureAwait(false);
        if (group.Spec.Worker.Replicas != desired)
        {
            await api.MergePatchAsync("daskworkergroups", ns, groupName, new { spec = new { worker = new { replicas = desired } } }, ct)
                .ConfigureAwait(false);
            await events.NormalAsync(scaler, "Autoscaled", $"Scheduler wants {target} worker(s); set {groupName} to {desired}.", ct)
                .ConfigureAwait(false);
        }
        return await ReportAsync(scaler, true, "TargetApplied", $"Scheduler target {target}, replicas {desired}.", ct).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> ReportAsync(DaskAutoscaler scaler, bool ok, string reason, string message, CancellationToken ct)
    {
        var status = KubeApi.Clone(scaler.Status ?? new DaskStatus());
        status.ObservedGeneration = scaler.Metadata.Generation;
        status.Conditions = Conditions.Set(status.Conditions, "Active", ok, reason, message);
        if (!scaler.Status.SameAs(status))
        {
            await api.PatchStatusAsync("daskautoscalers", scaler.Metadata.NamespaceProperty, scaler.Metadata.Name, status, ct).ConfigureAwait(false);
        }
        return ReconcileResult.After(Interval);
    }
}
