namespace DaskOperator.Tests.Support;

/// <summary>
/// The real helm against a test cluster: its own kubeconfig and private cache, config and data directories
/// (nothing of the user's helm set-up is read or written).
/// </summary>
public sealed class HelmCli(DaskTestCluster k8s)
{
    public static readonly string? Path = Repository.Tool("helm");

    private readonly string _home = Directory.CreateTempSubdirectory("helm-home-").FullName;

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var helm = LocalProcess.Start(Path!, [.. arguments, "--kubeconfig", k8s.Cluster.KubeconfigPath], new Dictionary<string, string>
        {
            ["HELM_CACHE_HOME"] = System.IO.Path.Combine(_home, "cache"),
            ["HELM_CONFIG_HOME"] = System.IO.Path.Combine(_home, "config"),
            ["HELM_DATA_HOME"] = System.IO.Path.Combine(_home, "data"),
            ["KUBECONFIG"] = k8s.Cluster.KubeconfigPath,
        });
        var code = await helm.WaitAsync(TimeSpan.FromMinutes(2));
        return (code, helm.Output);
    }

    /// <summary>Runs helm and returns its output; a failure throws with everything helm said.</summary>
    public async Task<string> EnsureAsync(params string[] arguments)
    {
        var (code, output) = await RunAsync(arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"helm {string.Join(' ', arguments)} exited with {code}:\n{output}");
        }

        return output;
    }
}
