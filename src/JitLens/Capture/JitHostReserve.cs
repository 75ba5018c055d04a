using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Capture;

/// <summary>
/// Keeps one JIT host started and attached ahead of time, for a front end that inspects again and again (the Jupyter
/// kernel). A host serves one assembly only (static state of an earlier cell would leak into the next, and ClrMD's
/// caches would go stale), so each host handed out is replaced by a new spare, started in the background once the used
/// one comes back: the next inspection finds the start-up and the attach done, and the current one does not share the
/// CPU with them.
/// </summary>
public sealed class JitHostReserve : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyDictionary<string, string>? _environment;
    private readonly List<Task> _background = [];
    private (SpareKey Key, JitHostLaunch Launch)? _spare;
    private bool _disposed;

    /// <param name="environment">Extra environment for every host the reserve starts.</param>
    public JitHostReserve(IReadOnlyDictionary<string, string>? environment = null)
    {
        _environment = environment;
    }

    /// <summary>
    /// Makes sure a spare for requests like <paramref name="request"/> (same tier, method pattern and need of asm) is
    /// on its way: call it as early as the request is known, so that the host starts while the input compiles.
    /// Requests that do not run the CPU JIT (GPU views only) need none.
    /// </summary>
    public void Prepare(InspectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Wants(IlView.Id) && !request.Wants(AsmView.Id))
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_spare?.Key != SpareKey.Of(request))
            {
                RetireSpare();
                _spare = (SpareKey.Of(request), JitHostLaunch.Start(request, _environment));
            }
        }
    }

    /// <summary>
    /// The spare when it suits <paramref name="request"/>, else a freshly started host (the spare of another kind ends).
    /// Disposing what it returns gives it back, which starts the next spare. A spare still attaching is safe to hand
    /// over: loading waits for the attach.
    /// </summary>
    internal JitHostLaunch Take(InspectRequest request)
    {
        var key = SpareKey.Of(request);
        JitHostLaunch taken;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_spare is { } spare && spare.Key == key && !spare.Launch.Failed)
            {
                taken = spare.Launch;
                _spare = null;
            }
            else
            {
                RetireSpare();
                taken = JitHostLaunch.Start(request, _environment);
            }
        }

        taken.GiveBack = used => GiveBack(used, request);
        return taken;
    }

    /// <summary>Ends the spare and waits for every host the reserve let go, so that no host process outlives it.</summary>
    public void Dispose()
    {
        Task[] background;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            RetireSpare();
            background = [.. _background];
        }

        Task.WaitAll(background);
    }

    /// <summary>A used host ends, and the next spare starts, off the caller's path.</summary>
    private void GiveBack(JitHostLaunch used, InspectRequest request)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                // Given back while the reserve ends (a kernel shutting down mid-inspection): nothing waits any more.
                used.End();
                return;
            }

            InBackground(used.End);
            InBackground(() =>
            {
                lock (_gate)
                {
                    if (!_disposed && _spare is null)
                    {
                        _spare = (SpareKey.Of(request), JitHostLaunch.Start(request, _environment));
                    }
                }
            });
        }
    }

    /// <summary>Ending a host waits for its attach, which must not hold up the caller.</summary>
    private void RetireSpare()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            InBackground(spare.Launch.End);
        }
    }

    private void InBackground(Action action)
    {
        _background.RemoveAll(t => t.IsCompleted);
        _background.Add(Task.Run(action));
    }

    /// <summary>What makes two hosts interchangeable: the arguments they start with (the environment is the reserve's).</summary>
    private readonly record struct SpareKey(JitTier Tier, string? MethodPattern, bool Attached)
    {
        public static SpareKey Of(InspectRequest request) => new(request.Tier, request.MethodPattern, request.Wants(AsmView.Id));
    }
}
