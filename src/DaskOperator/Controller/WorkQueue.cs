using System.Threading.Channels;

namespace DaskOperator.Controller;

/// <summary>
/// A de-duplicating work queue keyed by resource: a key waits at most once, is handed to one worker at a time,
/// and a key added while it is being processed is processed again afterwards. Failures back off exponentially.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly Channel<ResourceKey> _ready = Channel.CreateUnbounded<ResourceKey>();
    private readonly HashSet<ResourceKey> _queued = [];
    private readonly HashSet<ResourceKey> _processing = [];
    private readonly HashSet<ResourceKey> _dirty = [];
    private readonly Dictionary<ResourceKey, int> _failures = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();

    public int Length { get { lock (_lock) { return _queued.Count; } } }

    public void Add(ResourceKey key)
    {
        lock (_lock)
        {
            if (_processing.Contains(key)) { _dirty.Add(key); return; }
            if (!_queued.Add(key))
            {
                return;
            }
        }
        _ready.Writer.TryWrite(key);
    }

    public void AddAfter(ResourceKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) { Add(key); return; }
        _ = Task.Delay(delay, _stopping.Token).ContinueWith(t => { if (!t.IsCanceled) { Add(key); } }, TaskScheduler.Default);
    }

    /// <summary>Requeues after a failure, waiting longer each time the same key fails.</summary>
    public TimeSpan AddRateLimited(ResourceKey key)
    {
        int failures;
        lock (_lock)
        {
            failures = _failures[key] = _failures.GetValueOrDefault(key) + 1;
        }

        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks << Math.Min(failures - 1, 16)));
        AddAfter(key, delay);
        return delay;
    }

    public void Forget(ResourceKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    public async Task<ResourceKey> TakeAsync(CancellationToken cancellationToken)
    {
        var key = await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _queued.Remove(key);
            _processing.Add(key);
        }
        return key;
    }

    public void Done(ResourceKey key)
    {
        bool again;
        lock (_lock)
        {
            _processing.Remove(key);
            again = _dirty.Remove(key);
        }
        if (again)
        {
            Add(key);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
