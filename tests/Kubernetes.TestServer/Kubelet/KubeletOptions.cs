namespace Kubernetes.TestServer.Kubelet;

/// <summary>How the in-server kubelet maps images' commands to local programs.</summary>
public sealed record KubeletOptions
{
    /// <summary>The Python that runs Dask and <c>python</c> commands: Debian's, which has python3-distributed.</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>Where the <c>dask</c>, <c>dask-scheduler</c> and <c>dask-worker</c> entry points live.</summary>
    public string DaskBin { get; init; } = "/usr/bin";

    /// <summary>Longest wait between restarts of a crashing container (a real kubelet: five minutes).</summary>
    public TimeSpan MaxRestartBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest interval between readiness probes (a probe's own periodSeconds is used when shorter).</summary>
    public TimeSpan MaxProbePeriod { get; init; } = TimeSpan.FromSeconds(1);
}
