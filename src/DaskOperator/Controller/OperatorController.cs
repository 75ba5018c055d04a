using Microsoft.Extensions.Logging;

namespace DaskOperator.Controller;

/// <summary>
/// Watches feed a work queue keyed by resource; workers take keys and call the one reconcile of that kind.
/// A failure backs off per key; a result's requeue-after schedules the next look.
/// </summary>
internal sealed class OperatorController(
    KubeStream api, IReadOnlyList<WatchSource> sources, IReadOnlyList<IReconciler> reconcilers, int workers, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<OperatorController>();
    private readonly Dictionary<DaskKind, IReconciler> _byKind = reconcilers.ToDictionary(r => r.Kind);
    private List<Watcher> _watchers = [];

    public bool Synced => _watchers.Count > 0 && _watchers.All(w => w.Synced);

    /// <summary>How long reconciles already running may go on after a stop before they are abandoned.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs until <paramref name="stopping"/>: then the watches close and no new key is taken, while reconciles
    /// already running get <see cref="ShutdownGrace"/> to finish. One cut off after that is safe to abandon:
    /// every reconcile is idempotent and the next leader reads the state afresh.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var queue = new WorkQueue();
        using var abandon = new CancellationTokenSource();
        using var graceStarts = stopping.Register(() =>
        {
            _logger.LogInformation("Stopping: watches closed, running reconciles get {Grace}s", ShutdownGrace.TotalSeconds);
            abandon.CancelAfter(ShutdownGrace);
        });
        _watchers = sources.Select(s => new Watcher(s, api, queue, loggers.CreateLogger<Watcher>())).ToList();
        var tasks = _watchers.Select(w => w.RunAsync(stopping))
            .Concat(Enumerable.Range(0, workers).Select(_ => WorkAsync(queue, stopping, abandon.Token)))
            .ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task WorkAsync(WorkQueue queue, CancellationToken stopping, CancellationToken abandon)
    {
        while (!stopping.IsCancellationRequested)
        {
            ResourceKey key;
            try
            {
                key = await queue.TakeAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var result = await _byKind[key.Kind].ReconcileAsync(key.Namespace, key.Name, abandon).ConfigureAwait(false);
                queue.Forget(key);
                if (result.RequeueAfter is { } delay)
                {
                    queue.AddAfter(key, delay);
                }
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                _logger.LogWarning("Abandoned reconciling {Key} at shutdown; the next leader picks it up", key);
                return;
            }
            catch (Exception e) when (KubeApi.IsConflict(e))
            {
                // Someone changed the object between our read and write: read again soon.
                _logger.LogDebug("Conflict reconciling {Key}; retrying", key);
                queue.AddAfter(key, TimeSpan.FromMilliseconds(100));
            }
            catch (Exception e)
            {
                var delay = queue.AddRateLimited(key);
                _logger.LogWarning("Reconciling {Key} failed, retrying in {Delay}s: {Error}", key, delay.TotalSeconds, e.Message);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }
}
