using System.Runtime.InteropServices;

namespace DaskOperator.Hosting;

/// <summary>
/// SIGTERM (what <c>kubectl delete pod</c> and a rollout send), SIGINT (Ctrl+C) and SIGQUIT cancel
/// <see cref="Token"/> instead of ending the process, so the operator can close its watches, let in-flight
/// reconciles finish and hand its Lease over before it exits.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals()
    {
        _registrations = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
    }

    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel = true keeps the runtime from terminating at once; the run returns and Main exits normally.
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }
}
