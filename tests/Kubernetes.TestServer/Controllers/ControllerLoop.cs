using Kubernetes.TestServer.Storage;
using Microsoft.Extensions.Logging;

namespace Kubernetes.TestServer.Controllers;

/// <summary>Feeds every change in the store to one of the server's controllers, one at a time, until stopped.</summary>
public sealed class ControllerLoop : IAsyncDisposable
{
    private readonly Watcher _watcher;
    private readonly Task _loop;

    public ControllerLoop(ObjectStore store, Func<WatchItem, Task> handle, ILogger logger)
    {
        _watcher = store.WatchAll();
        _loop = Task.Run(async () =>
        {
            await foreach (var item in _watcher.Reader.ReadAllAsync())
            {
                try
                {
                    await handle(item);
                }
                catch (Exception e)
                {
                    // A controller error must not stop the loop: the next change retries the level.
                    logger.LogWarning(e, "controller failed on {Type} {Key}", item.Type, item.StorageKey);
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        await _loop;
    }
}
