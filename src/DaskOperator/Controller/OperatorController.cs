using Microsoft.Extensions.Logging;

namespace DaskOperator.Controller;

/// <summary>
/// Watches feed a work queue keyed by resource; workers take keys and call the one reconcile of that kind.
/// A failure backs off per key; a result's requeue-after schedules the next look.
/// </summary>
internal sealed class OperatorController(
    IReadOnlyList<WatchSource> sources, IReadOnlyList<IReconciler> reconcilers, int workers, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<OperatorController>();
    private readonly Dictionary<DaskKind, IReconciler> _byKind = reconcilers.ToDictionary(r => r.Kind);
    private List<Watcher> _watchers = [];

    public bool Synced => _watchers.Count > 0 && _watchers.All(w => w.Synced);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var queue = new WorkQueue();
        _watchers = sources.Select(s => new Watcher(s, queue, loggers.CreateLogger<Watcher>())).ToList();
        var tasks = _watchers.Select(w => w.RunAsync(cancellationToken))
            .Concat(Enumerable.Range(0, workers).Select(_ => WorkAsync(queue, cancellationToken)))
            .ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task WorkAsync(WorkQueue queue, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ResourceKey key;
            try
            {
                key = await queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var result = await _byKind[key.Kind].ReconcileAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
                queue.Forget(key);
                if (result.RequeueAfter is { } delay) queue.AddAfter(key, delay);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
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
