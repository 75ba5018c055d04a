namespace DaskOperator.Tests.Support;

/// <summary>
/// The real operator, <c>dask-operator run</c> of the published executable that goes into the image, as its own
/// process; disposing it sends SIGTERM, as a pod deletion does (a restart's first half).
/// </summary>
public sealed class RunningOperator : IAsyncDisposable
{
    private readonly LocalProcess _process;

    private RunningOperator(LocalProcess process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>What it logged (warnings and errors), for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>The identity it writes into the Lease (see OperatorOptions.Identity).</summary>
    public string Identity => $"{Environment.MachineName}-{_process.Id}";

    public static RunningOperator Start(string kubeconfig, string ns = "default", bool leaderElection = false) =>
        new(OperatorProcess.Start(kubeconfig, ns, leaderElection, "--log-level", "Warning"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Terminate();
                await _process.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (OperationCanceledException)
        {
            // It did not stop in time: Dispose kills it.
        }
        _process.Dispose();
    }
}
