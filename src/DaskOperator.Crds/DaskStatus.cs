using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>
/// Status of every Dask resource. <c>phase</c> (and the job fields) are what dask-kubernetes writes;
/// the rest is our additive extension: replicas for the scale subresource, readiness and conditions.
/// </summary>
public sealed class DaskStatus
{
    /// <summary>Lifecycle phase: Created, Pending, Running, Failed.</summary>
    [JsonPropertyName("phase")]
    [Description("Lifecycle phase: Created, Pending, Running, Failed.")]
    public string? Phase { get; set; }

    /// <summary>Worker pods that exist and are not terminating.</summary>
    [JsonPropertyName("replicas")]
    [Description("Worker pods that exist and are not terminating.")]
    public int? Replicas { get; set; }

    /// <summary>Worker pods that are running.</summary>
    [JsonPropertyName("readyReplicas")]
    [Description("Worker pods that are running.")]
    public int? ReadyReplicas { get; set; }

    /// <summary>The <c>metadata.generation</c> the status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Conditions, one per type.</summary>
    [JsonPropertyName("conditions")]
    public List<DaskCondition>? Conditions { get; set; }

    /// <summary>DaskCluster with idleTimeout: when the scheduler was first seen with no task processing.</summary>
    [JsonPropertyName("idleSince")]
    [Description("DaskCluster with idleTimeout: when the scheduler was first seen with no task processing.")]
    public string? IdleSince { get; set; }

    /// <summary>DaskJob only: JobCreated, ClusterCreated, Running, Successful, Failed.</summary>
    [JsonPropertyName("jobStatus")]
    [Description("DaskJob only: JobCreated, ClusterCreated, Running, Successful, Failed.")]
    public string? JobStatus { get; set; }

    /// <summary>DaskJob only: the job's DaskCluster.</summary>
    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; set; }

    /// <summary>DaskJob only: the runner pod.</summary>
    [JsonPropertyName("jobRunnerPodName")]
    public string? JobRunnerPodName { get; set; }

    /// <summary>DaskJob only: when the runner started.</summary>
    [JsonPropertyName("startTime")]
    public string? StartTime { get; set; }

    /// <summary>DaskJob only: when the job finished.</summary>
    [JsonPropertyName("endTime")]
    public string? EndTime { get; set; }

    /// <summary>DaskJob only: how many times its runner failed (retried while at most spec.backoffLimit).</summary>
    [JsonPropertyName("failed")]
    [Description("DaskJob only: how many times its runner failed (retried while at most spec.backoffLimit).")]
    public int? Failed { get; set; }
}
