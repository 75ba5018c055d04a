namespace DaskOperator.Tests.Support;

/// <summary>
/// The operator as its own process (<c>dotnet dask-operator.dll run</c>, the build next to the tests), for what
/// only a real process shows: how it answers signals.
/// </summary>
public static class OperatorProcess
{
    public static LocalProcess Start(string kubeconfig) => LocalProcess.Start("dotnet",
    [
        Path.Combine(AppContext.BaseDirectory, "dask-operator.dll"), "run", "--kubeconfig", kubeconfig, "--namespace", "default",
        "--health-port", "0", "--workers", "4",
    ]);

    /// <summary>The identity a process writes into the Lease (see OperatorOptions.Identity).</summary>
    public static string IdentityOf(LocalProcess process) => $"{Environment.MachineName}-{process.Id}";
}
