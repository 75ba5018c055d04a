using DaskOperator.Controller;
using DaskOperator.Crds;
using DaskOperator.DaskProtocol;
using k8s.Models;

namespace DaskOperator.Reconcilers;

internal sealed partial class WorkerGroupReconciler
{
    /// <summary>A running pod the scheduler does not list is still starting for this long; after that it is "unknown", never deleted blindly.</summary>
    private static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Removes <paramref name="excess"/> workers: never-started pods first (no data), then workers the scheduler
    /// chooses among THIS group's workers, retired gracefully so their data moves elsewhere. Pods of an older
    /// template go before current ones. If the scheduler cannot be asked, running workers stay.
    /// </summary>
    private Task<ScaleOutcome> ScaleDownAsync(DaskWorkerGroup group, List<V1Pod> pods, int excess, string hash, CancellationToken ct) =>
        RemoveAsync(group, pods, excess, hash, _ => true, ct);

    /// <summary>Removes <paramref name="excess"/> workers, choosing only among pods that <paramref name="removable"/> allows.</summary>
    private async Task<ScaleOutcome> RemoveAsync(DaskWorkerGroup group, List<V1Pod> pods, int excess, string hash, Func<V1Pod, bool> removable,
        CancellationToken ct)
    {
        var deleted = new List<V1Pod>();
        foreach (var pod in pods.Where(p => p.IsPending() && removable(p))
                     .OrderBy(p => p.SpecHashOf() == hash)
                     .ThenByDescending(p => p.Metadata.CreationTimestamp)
                     .Take(excess))
        {
            await api.DeletePodAsync(group.Metadata.NamespaceProperty, pod.Metadata.Name, ct).ConfigureAwait(false);
            deleted.Add(pod);
        }
        if (deleted.Count > 0)
        {
            await events.NormalAsync(group, "ScaledDown", $"Deleted {deleted.Count} pending worker pod(s) that never started.", ct).ConfigureAwait(false);
        }
        var remaining = excess - deleted.Count;
        if (remaining == 0)
        {
            return new ScaleOutcome(deleted, null);
        }

        var running = pods.Except(deleted).ToList();
        var retired = await RetireAsync(group, running, remaining, hash, removable, ct).ConfigureAwait(false);
        return new ScaleOutcome([.. deleted, .. retired.Deleted], retired.Blocked);
    }

    /// <summary>Rolls a template change out one worker at a time, after its replacement runs (surge of one).</summary>
    private async Task<ScaleOutcome> RollOutAsync(DaskWorkerGroup group, List<V1Pod> pods, string hash, CancellationToken ct)
    {
        var stale = pods.Where(p => p.SpecHashOf() != hash).ToList();
        if (stale.Count == 0 || pods.Where(p => p.SpecHashOf() == hash).Any(p => !p.IsRunning()))
        {
            return ScaleOutcome.Nothing;
        }
        // Only a pod of the old template may go: a replacement that runs but has not registered with the scheduler
        // yet would otherwise look like an idle starting worker and be deleted, and the rollout would never end.
        var outcome = await RemoveAsync(group, pods, 1, hash, p => p.SpecHashOf() != hash, ct).ConfigureAwait(false);
        if (outcome.Deleted.Count > 0)
        {
            await events.NormalAsync(group, "RolledOut", $"Replaced worker pod {outcome.Deleted[0].Metadata.Name} with the new template.", ct)
                .ConfigureAwait(false);
        }
        return outcome;
    }

    private async Task<ScaleOutcome> RetireAsync(DaskWorkerGroup group, List<V1Pod> running, int count, string hash, Func<V1Pod, bool> removable,
        CancellationToken ct)
    {
        var ns = group.Metadata.NamespaceProperty;
        var scheduler = await schedulers.ForClusterAsync(ns, group.Spec.Cluster, ct).ConfigureAwait(false);
        if (scheduler is null)
        {
            return await BlockedAsync(group, "The scheduler service has no address yet, so running workers are kept.", ct).ConfigureAwait(false);
        }
        try
        {
            var workers = await scheduler.WorkersAsync(ct).ConfigureAwait(false);
            var podOf = WorkerPods.Match(running, workers);
            var deleted = new List<V1Pod>();

            // Running but not registered yet and still starting: it holds no data.
            var starting = running.Where(p => removable(p) && !podOf.ContainsValue(p) && WorkerPods.RunningFor(p) < StartupGrace)
                .OrderBy(p => p.SpecHashOf() == hash).Take(count).ToList();
            foreach (var pod in starting)
            {
                await api.DeletePodAsync(ns, pod.Metadata.Name, ct).ConfigureAwait(false);
                deleted.Add(pod);
            }
            var wanted = count - deleted.Count;
            if (wanted == 0)
            {
                return new ScaleOutcome(deleted, null);
            }

            // The scheduler's preference over all workers, restricted to this group's, older template first.
            var order = await scheduler.CloseOrderAsync(ct).ConfigureAwait(false);
            var chosen = order.Where(a => podOf.TryGetValue(a, out var pod) && removable(pod))
                .Select((address, rank) => (address, rank))
                .OrderBy(x => podOf[x.address].SpecHashOf() == hash).ThenBy(x => x.rank)
                .Select(x => x.address).Take(wanted).ToList();
            var retired = chosen.Count == 0 ? [] : await scheduler.RetireAsync(chosen, ct).ConfigureAwait(false);
            foreach (var address in retired.Where(podOf.ContainsKey))
            {
                await api.DeletePodAsync(ns, podOf[address].Metadata.Name, ct).ConfigureAwait(false);
                deleted.Add(podOf[address]);
            }
            if (retired.Count > 0)
            {
                await events.NormalAsync(group, "WorkersRetired",
                    $"Retired {retired.Count} worker(s) through the scheduler and deleted their pods: {string.Join(", ", retired.Where(podOf.ContainsKey).Select(a => podOf[a].Metadata.Name))}.", ct)
                    .ConfigureAwait(false);
            }
            return deleted.Count >= count ? new ScaleOutcome(deleted, null)
                : new ScaleOutcome(deleted, $"{count - deleted.Count} worker(s) could not be retired yet (data not movable or not registered with the scheduler); retrying.");
        }
        catch (DaskProtocolException e)
        {
            return await BlockedAsync(group, $"{e.Message}; running workers are kept until the scheduler answers.", ct).ConfigureAwait(false);
        }
    }

    private async Task<ScaleOutcome> BlockedAsync(DaskWorkerGroup group, string why, CancellationToken ct)
    {
        await events.WarningAsync(group, "ScaleDownBlocked", why, ct).ConfigureAwait(false);
        return new ScaleOutcome([], why);
    }
}
