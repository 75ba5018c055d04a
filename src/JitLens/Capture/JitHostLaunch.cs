using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Capture;

/// <summary>
/// A JIT host started before its assembly exists, with ClrMD attaching to it in the background as soon as its runtime
/// is up: both costs then overlap the compile instead of following it.
/// </summary>
internal sealed class JitHostLaunch : IDisposable
{
    private readonly Task<HostSession> _session;
    private readonly Task<ClrMdTarget>? _reader;

    private JitHostLaunch(Func<HostSession> launch, bool attachReader)
    {
        // Even starting the process (and loading what Process needs for it the first time) takes a while: off the caller's thread.
        _session = Task.Run(launch);
        _reader = attachReader ? AttachWhenStartedAsync(_session) : null;
    }

    /// <summary>The host process; waits for its start when that is still under way.</summary>
    public HostSession Session => _session.GetAwaiter().GetResult();

    /// <summary>Whether the host failed to start (it cannot be used).</summary>
    public bool Failed => _session.IsFaulted || (_session.IsCompletedSuccessfully && _session.Result.Started.IsFaulted);

    public static JitHostLaunch Start(InspectRequest request, IReadOnlyDictionary<string, string>? extraEnvironment) =>
        new(() => HostSession.Launch(request.Tier, request.MethodPattern, request.Timeout, extraEnvironment), attachReader: request.Wants(AsmView.Id));

    /// <summary>
    /// Hands the host its assembly once the attach has settled: the host must not run user code (which may crash it)
    /// while ClrMD is attaching, because a read failing inside the DAC takes this process down with it.
    /// </summary>
    public async Task LoadAsync(string assemblyPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = await _session.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        await SettledAsync(_reader, timeout, cancellationToken).ConfigureAwait(false);
        await session.LoadAsync(assemblyPath, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The attached reader, refreshed so that it sees what the host JITted after the attach; null when asm was not asked for.</summary>
    public async Task<ClrMdTarget?> ReaderAsync()
    {
        if (_reader is null)
        {
            return null;
        }

        ClrMdTarget target;
        try
        {
            target = await _reader.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InspectionException))
        {
            throw new InspectionException($"Cannot read the JIT's output: attaching to the JIT host failed ({e.Message}). Is ptrace allowed for child processes?", e);
        }

        target.Refresh();
        return target;
    }

    /// <summary>
    /// Set by the <see cref="JitHostReserve"/> that handed this host out: disposing then gives the host back to it, to
    /// be ended in the background (and the next spare started) while the caller goes on to show what was read.
    /// </summary>
    internal Action<JitHostLaunch>? GiveBack { get; set; }

    public void Dispose()
    {
        if (GiveBack is { } giveBack)
        {
            GiveBack = null;
            giveBack(this);
            return;
        }

        End();
    }

    /// <summary>Ends the host, after any attach in flight has settled (see <see cref="LoadAsync"/>).</summary>
    internal void End()
    {
        try
        {
            if (_reader is not null && _reader.Wait(TimeSpan.FromSeconds(30)))
            {
                _reader.Result.Dispose();
            }
        }
        catch (AggregateException)
        {
            // The attach failed: nothing to release.
        }
        finally
        {
            EndSession();
        }
    }

    private static async Task SettledAsync(Task? task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed or stuck attach is reported by ReaderAsync; loading can go on.
        }
    }

    private void EndSession()
    {
        try
        {
            if (_session.Wait(TimeSpan.FromSeconds(30)))
            {
                _session.Result.Dispose();
            }
        }
        catch (AggregateException)
        {
            // The host never started: nothing to end.
        }
    }

    private static async Task<ClrMdTarget> AttachWhenStartedAsync(Task<HostSession> launching)
    {
        var session = await launching.ConfigureAwait(false);
        await session.Started.ConfigureAwait(false);
        return await Task.Run(() => ClrMdTarget.Attach(session.ProcessId)).ConfigureAwait(false);
    }
}
