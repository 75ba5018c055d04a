using DaskOperator.Hosting;

namespace DaskOperator.Tests.Support;

/// <summary>The real operator (<c>dask-operator run</c>) inside the test process; disposing it is a restart's first half.</summary>
public sealed class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private RunningOperator(string kubeconfig, string ns, bool leaderElection, string identity)
    {
        var options = OperatorOptions.Parse(["--kubeconfig", kubeconfig, "--namespace", ns, "--health-port", "0", "--log-level", "Warning"]) with
        {
            LeaderElection = leaderElection,
            Identity = identity,
        };
        _run = Task.Run(() => OperatorHost.RunAsync(options, _stop.Token));
    }

    public bool HasFailed => _run.IsFaulted;

    public static RunningOperator Start(string kubeconfig, string ns = "default", bool leaderElection = false, string identity = "test-operator") =>
        new(kubeconfig, ns, leaderElection, identity);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }
}
