using Microsoft.Extensions.Logging;

namespace DaskOperator.Controller;

/// <summary>
/// List, enqueue everything, then watch from the list's resourceVersion; when the watch ends for any reason
/// (dropped connection, 410 Gone, server restart) list again. Every list re-enqueues every object, so a
/// missed event can never leave an object unreconciled.
/// </summary>
internal sealed class Watcher(WatchSource source, KubeStream api, WorkQueue queue, ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>True once the first list succeeded; the health endpoint reports it.</summary>
    public bool Synced { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var list = await api.ListAsync(source.ListPath, cancellationToken).ConfigureAwait(false);
                foreach (var item in list.Items)
                {
                    Enqueue(item);
                }

                Synced = true;
                await foreach (var e in api.WatchAsync(source.WatchPath(list.Metadata.ResourceVersion), cancellationToken).ConfigureAwait(false))
                {
                    if (e.Type == "ERROR")
                    {
                        // Most often 410 Gone: the resourceVersion is too old. Listing again starts afresh.
                        break;
                    }

                    if (e.Type != "BOOKMARK" && e.Object is { } item)
                    {
                        Enqueue(item);
                    }
                }
                logger.LogInformation("Watch on {Resource} ended; listing again", source.Name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Watch on {Resource} failed: {Error}; listing again", source.Name, e.Message);
            }
            try
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Enqueue(KubeObject item)
    {
        foreach (var key in source.KeysOf(item))
        {
            queue.Add(key);
        }
    }
}
