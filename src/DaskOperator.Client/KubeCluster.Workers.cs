using System.Globalization;
using DaskOperator.DaskProtocol;

namespace DaskOperator.Client;

public sealed partial class KubeCluster
{
    /// <summary>
    /// Waits until the scheduler itself has at least <paramref name="workers"/> workers registered (pods that run
    /// but have not connected do not count), reporting each change to <paramref name="progress"/>.
    /// </summary>
    public async Task WaitForWorkersAsync(int workers, TimeSpan timeout, IProgress<WorkerProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        WorkerProgress? last = null;
        while (true)
        {
            var now = await ProgressAsync(workers, cancellationToken).ConfigureAwait(false);
            if (now != last)
            {
                progress?.Report(now);
            }

            last = now;
            if (now.Registered >= workers)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var waited = timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                throw new WorkersTimeoutException(now.SchedulerAnswered
                    ? $"Dask cluster '{Name}' has {now.Registered} of {workers} workers after {waited} s ({now.PodsRunning} worker pods running, {now.PodsWaiting} waiting)."
                    : $"The scheduler of Dask cluster '{Name}' at {SchedulerAddress} could not be asked for its workers within {waited} s (from outside the Kubernetes network, use kubectl port-forward).");
            }
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The workers the scheduler has now, by address, with the name each registered with (its pod's name).</summary>
    public async Task<IReadOnlyList<(string Address, string Name)>> SchedulerWorkersAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Scheduler.WorkersAsync(cancellationToken).ConfigureAwait(false)).Select(w => (w.Address, w.Name)).ToList();
        }
        catch (DaskProtocolException e)
        {
            throw new KubeClusterException($"The scheduler of Dask cluster '{Name}' at {SchedulerAddress} cannot be asked for its workers: {e.Message}", e);
        }
    }

    private async Task<WorkerProgress> ProgressAsync(int wanted, CancellationToken ct)
    {
        var pods = (await _api.ListPodsAsync($"dask.org/cluster-name={Name},dask.org/component=worker", ct).ConfigureAwait(false))
            .Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        var running = pods.Count(p => p.Status?.Phase == "Running");
        if (SchedulerAddress.Length == 0 && !await ReadServiceAsync(ct).ConfigureAwait(false))
        {
            return new WorkerProgress(0, wanted, running, pods.Count - running, SchedulerAnswered: false);
        }
        try
        {
            var registered = (await Scheduler.WorkersAsync(ct).ConfigureAwait(false)).Count;
            return new WorkerProgress(registered, wanted, running, pods.Count - running, SchedulerAnswered: true);
        }
        catch (DaskProtocolException)
        {
            // A scheduler that is restarting counts as having no workers yet; the deadline still applies.
            return new WorkerProgress(0, wanted, running, pods.Count - running, SchedulerAnswered: false);
        }
    }
}
