using DaskOperator.Crds;
using k8s;
using k8s.Models;

namespace DaskOperator.Client;

/// <summary>
/// Where a cluster lives and, when it is created, what it runs. The spec options follow dask-kubernetes'
/// <c>KubeCluster(image=, n_workers=, resources=, env=, worker_command=, ...)</c>; <see cref="CustomSpec"/> replaces them all.
/// </summary>
public sealed record KubeClusterOptions
{
    /// <summary>The namespace; null takes the kubeconfig context's namespace, else <c>default</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>A kubeconfig file; null uses the in-cluster configuration in a pod, else <c>$KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
    public string? KubeConfigPath { get; init; }

    /// <summary>
    /// A Kubernetes client to use instead of loading a kubeconfig; the caller keeps ownership of it. Build it from a
    /// configuration passed through <see cref="DaskJson.AddTo"/>, so that it reads and writes the Dask resources.
    /// </summary>
    public IKubernetes? Client { get; init; }

    /// <summary>How long the operator may take to run the scheduler before the call gives up.</summary>
    public TimeSpan ResourceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Wait until the scheduler answers on its Service (true, the default; that address is reachable from inside the
    /// Kubernetes network). False is for managing a cluster from outside it: creating waits only for the operator to
    /// report the cluster Running, connecting only checks that it exists; scaling, groups and logs work either way.
    /// </summary>
    public bool ConnectToScheduler { get; init; } = true;

    /// <summary>Delete the DaskCluster on dispose; null means yes for a cluster this call created, no for one it connected to.</summary>
    public bool? ShutdownOnDispose { get; init; }

    /// <summary>Container image of the scheduler and the default workers.</summary>
    public string Image { get; init; } = "ghcr.io/dask/dask:latest";

    /// <summary>Workers of the default group.</summary>
    public int Workers { get; init; } = 3;

    /// <summary>Threads per worker (<c>--nthreads</c>); null leaves Dask's default (one per core).</summary>
    public int? ThreadsPerWorker { get; init; }

    /// <summary>Kubernetes resource requests and limits of the scheduler and worker containers.</summary>
    public V1ResourceRequirements? Resources { get; init; }

    /// <summary>Environment variables of the scheduler and worker containers.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>The worker command, e.g. <c>["dask-cuda-worker"]</c>; the name and dashboard flags are appended.</summary>
    public IReadOnlyList<string> WorkerCommand { get; init; } = ["dask-worker"];

    /// <summary>Type of the scheduler's Service (ClusterIP, NodePort, LoadBalancer).</summary>
    public string SchedulerServiceType { get; init; } = "ClusterIP";

    /// <summary>Seconds the scheduler may sit idle before the operator deletes the cluster; 0 never.</summary>
    public int IdleTimeout { get; init; }

    /// <summary>A complete DaskCluster spec to create instead of one built from the options above.</summary>
    public DaskClusterSpec? CustomSpec { get; init; }
}
