namespace Kubernetes.TestServer;

/// <summary>Knobs for a <see cref="TestCluster"/>; the defaults suit tests.</summary>
public sealed record TestClusterOptions
{
    /// <summary>How many changes watches can resume from; older resource versions get 410 Gone.</summary>
    public int HistoryLimit { get; init; } = 10_000;

    /// <summary>How often watches that allow bookmarks receive one (a real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where kubeconfig, pod working directories and logs go; a fresh temporary directory by default.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Extra namespaces to create at start (besides default, kube-system, kube-public, kube-node-lease).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>
    /// Whether the kubelet runs pods as processes. Off, pods are bound to the node and stay Pending: the API
    /// alone, for benchmarks of controllers that create many pods.
    /// </summary>
    public bool RunPods { get; init; } = true;

    /// <summary>How pods' commands map to local programs (Debian's Python for Dask by default).</summary>
    public Kubelet.KubeletOptions Kubelet { get; init; } = new();
}
