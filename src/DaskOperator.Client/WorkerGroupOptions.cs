using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Client;

/// <summary>
/// A worker group to add (dask-kubernetes' <c>add_worker_group(name, n_workers=, image=, resources=, env=, worker_command=)</c>);
/// unset options take the cluster's default workers' image and command.
/// </summary>
public sealed record WorkerGroupOptions
{
    /// <summary>Workers in the group.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Container image; null takes the default group's image.</summary>
    public string? Image { get; init; }

    /// <summary>The worker command; null takes <c>dask-worker</c>.</summary>
    public IReadOnlyList<string>? WorkerCommand { get; init; }

    /// <summary>Threads per worker (<c>--nthreads</c>); null leaves Dask's default.</summary>
    public int? ThreadsPerWorker { get; init; }

    /// <summary>Kubernetes resource requests and limits, e.g. <c>nvidia.com/gpu: 1</c>.</summary>
    public V1ResourceRequirements? Resources { get; init; }

    /// <summary>Abstract Dask resources the workers offer (<c>--resources GPU=1</c>), for <c>dask.annotate(resources=...)</c>.</summary>
    public IReadOnlyDictionary<string, double>? DaskResources { get; init; }

    /// <summary>Environment variables of the worker containers.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>A complete worker template to use instead of one built from the options above.</summary>
    public WorkerTemplate? CustomSpec { get; init; }
}
