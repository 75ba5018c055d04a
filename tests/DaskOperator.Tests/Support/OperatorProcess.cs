namespace DaskOperator.Tests.Support;

/// <summary>
/// The operator as its own process: the published executable that goes into the image (<see cref="PublishedOperator"/>),
/// for what only a real process shows: how it answers signals, and that the shipped binary works.
/// </summary>
public static class OperatorProcess
{
    public static LocalProcess Start(string kubeconfig, string ns = "default", bool leaderElection = true, params string[] extra) =>
        LocalProcess.Start(PublishedOperator.Path,
        [
            "run", "--kubeconfig", kubeconfig, "--namespace", ns, "--health-port", "0", "--workers", "4",
            .. leaderElection ? Array.Empty<string>() : ["--no-leader-election"], .. extra,
        ]);

    /// <summary>The identity a process writes into the Lease (see OperatorOptions.Identity).</summary>
    public static string IdentityOf(LocalProcess process) => $"{Environment.MachineName}-{process.Id}";
}
