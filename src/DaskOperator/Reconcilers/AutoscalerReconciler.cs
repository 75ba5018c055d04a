using System.Globalization;
using DaskOperator.Controller;
using DaskOperator.Crds;
using DaskOperator.DaskProtocol;

namespace DaskOperator.Reconcilers;

/// <summary>
/// DaskAutoscaler → one worker group's replicas follow the scheduler's adaptive target, as dask-kubernetes does for
/// the default group: looked at every 5 s, clamped to [minimum, maximum], at most maxScaleDownPercent removed per
/// step, no change within stabilizationWindowSeconds of the last (kept in the cooldown-until annotation). The group's
/// own reconcile then retires workers through the scheduler. Several autoscaled groups share the target without
/// fighting: see <see cref="TargetShares"/>.
/// </summary>
internal sealed partial class AutoscalerReconciler(KubeApi api, EventRecorder events, SchedulerLocator schedulers) : IReconciler
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>The annotation dask-kubernetes keeps the cooldown in (seconds since the epoch).</summary>
    public const string CooldownUntil = "kubernetes.dask.org/cooldown-until";

    public DaskKind Kind => DaskKind.Autoscaler;

    public async Task<ReconcileResult> ReconcileAsync(string ns, string name, CancellationToken ct)
    {
        var scaler = await api.GetAsync<DaskAutoscaler>("daskautoscalers", ns, name, ct).ConfigureAwait(false);
        if (scaler is null || scaler.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        if (scaler.Spec.Minimum > scaler.Spec.Maximum)
        {
            return await ReportAsync(scaler, Health.Error, "InvalidBounds",
                $"The minimum {scaler.Spec.Minimum} is greater than the maximum {scaler.Spec.Maximum}, so no worker count satisfies both.", ct).ConfigureAwait(false);
        }
        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, scaler.Spec.Cluster, ct).ConfigureAwait(false);
        if (cluster is null)
        {
            return await ReportAsync(scaler, Health.Waiting, "ClusterMissing", $"DaskCluster {scaler.Spec.Cluster} does not exist.", ct).ConfigureAwait(false);
        }

        if (!Ownership.IsOwnedBy(scaler.Metadata, cluster))
        {
            var owners = (scaler.Metadata.OwnerReferences ?? []).Append(Ownership.ReferenceTo(cluster)).ToList();
            await api.MergePatchAsync("daskautoscalers", ns, name, MergePatch.Metadata(("ownerReferences", MergePatch.Value(owners))), ct).ConfigureAwait(false);
        }

        var groups = (await api.ListAsync<DaskWorkerGroup>("daskworkergroups", ns, ct).ConfigureAwait(false))
            .Where(g => g.Spec.Cluster == cluster.Metadata.Name && g.Metadata.DeletionTimestamp is null).ToList();
        var scalers = (await api.ListAsync<DaskAutoscaler>("daskautoscalers", ns, ct).ConfigureAwait(false))
            .Where(s => s.Spec.Cluster == cluster.Metadata.Name && s.Metadata.DeletionTimestamp is null).ToList();
        var plan = TargetShares.Assign(cluster.Metadata.Name, groups, scalers);
        if (!plan.GroupOf.TryGetValue(name, out var group))
        {
            var explicitName = scaler.Spec.WorkerGroup is not null;
            return await ReportAsync(scaler, explicitName ? Health.Error : Health.Waiting, "GroupMissing",
                explicitName
                    ? $"DaskWorkerGroup '{scaler.Spec.WorkerGroup}' does not exist in cluster {cluster.Metadata.Name}; name one of: {string.Join(", ", groups.Select(g => g.Metadata.Name).Order())}."
                    : $"The default DaskWorkerGroup {PodTemplates.DefaultGroupName(cluster.Metadata.Name)} does not exist yet.", ct).ConfigureAwait(false);
        }
        if (plan.Duplicates.Contains(name))
        {
            return await ReportAsync(scaler, Health.Error, "GroupAlreadyAutoscaled",
                $"DaskWorkerGroup {group.Metadata.Name} already has an older autoscaler; only that one scales it.", ct).ConfigureAwait(false);
        }

        var waitFor = CooldownLeft(scaler);
        if (waitFor > TimeSpan.Zero)
        {
            return await ReportAsync(scaler, Health.Active, "CoolingDown", "Stabilising until the cooldown ends.", ct, waitFor).ConfigureAwait(false);
        }

        var scheduler = await schedulers.ForClusterAsync(ns, cluster.Metadata.Name, ct).ConfigureAwait(false);
        if (scheduler is null)
        {
            return await ReportAsync(scaler, Health.Waiting, "SchedulerUnavailable", "The scheduler service has no address yet.", ct).ConfigureAwait(false);
        }

        int target;
        try
        {
            target = await scheduler.AdaptiveTargetAsync(ct).ConfigureAwait(false);
        }
        catch (DaskProtocolException e)
        {
            return await ReportAsync(scaler, Health.Waiting, "SchedulerUnavailable", e.Message, ct).ConfigureAwait(false);
        }

        var share = plan.Share(name, target);
        var current = group.Spec.Worker.Replicas;
        var desired = Math.Clamp(share, scaler.Spec.Minimum, scaler.Spec.Maximum);
        if (current > 0 && desired < current)
        {
            var step = Math.Max(1, current * scaler.Spec.MaxScaleDownPercent / 100);
            desired = Math.Max(current - step, desired);
        }
        var message = $"Scheduler target {target}; this group's share {share}; replicas {desired}.";
        if (desired == current)
        {
            return await ReportAsync(scaler, Health.Active, "TargetApplied", message, ct).ConfigureAwait(false);
        }

        await api.MergePatchAsync("daskworkergroups", ns, group.Metadata.Name, MergePatch.Object(("spec", MergePatch.Object(("worker", MergePatch.Object(("replicas", desired)))))), ct)
            .ConfigureAwait(false);
        var until = DateTimeOffset.UtcNow.AddSeconds(scaler.Spec.StabilizationWindowSeconds).ToUnixTimeMilliseconds() / 1000.0;
        await api.MergePatchAsync("daskautoscalers", ns, name,
            MergePatch.Metadata(("annotations", MergePatch.Object((CooldownUntil, until.ToString("0.###", CultureInfo.InvariantCulture))))), ct)
            .ConfigureAwait(false);
        await events.NormalAsync(scaler, "Autoscaled", $"{message} Set {group.Metadata.Name} from {current} to {desired}.", ct).ConfigureAwait(false);
        return await ReportAsync(scaler, Health.Active, "TargetApplied", message, ct,
            TimeSpan.FromSeconds(Math.Max(scaler.Spec.StabilizationWindowSeconds, Interval.TotalSeconds))).ConfigureAwait(false);
    }

    private static TimeSpan CooldownLeft(DaskAutoscaler scaler) =>
        scaler.Metadata.Annotations?.TryGetValue(CooldownUntil, out var text) == true
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var until)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(until * 1000)) - DateTimeOffset.UtcNow
            : TimeSpan.Zero;
}
