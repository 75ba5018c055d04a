using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>
/// Status of every Dask resource. <c>phase</c> (and the job fields) are what dask-kubernetes writes;
/// the rest is our additive extension: replicas for the scale subresource, readiness and conditions.
/// </summary>
public sealed class DaskStatus
{
    [JsonPropertyName("phase")]
    [Description("Lifecycle phase: Created, Pending, Running, Failed.")]
    public string? Phase { get; set; }

    [JsonPropertyName("replicas")]
    [Description("Worker pods that exist and are not terminating.")]
    public int? Replicas { get; set; }

    [JsonPropertyName("readyReplicas")]
    [Description("Worker pods that are running.")]
    public int? ReadyReplicas { get; set; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("conditions")]
    public List<DaskCondition>? Conditions { get; set; }

    [JsonPropertyName("idleSince")]
    [Description("DaskCluster with idleTimeout: when the scheduler was first seen with no task processing.")]
    public string? IdleSince { get; set; }

    [JsonPropertyName("jobStatus")]
    [Description("DaskJob only: JobCreated, ClusterCreated, Running, Successful, Failed.")]
    public string? JobStatus { get; set; }

    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; set; }

    [JsonPropertyName("jobRunnerPodName")]
    public string? JobRunnerPodName { get; set; }

    [JsonPropertyName("startTime")]
    public string? StartTime { get; set; }

    [JsonPropertyName("endTime")]
    public string? EndTime { get; set; }

    [JsonPropertyName("failed")]
    [Description("DaskJob only: how many times its runner failed (retried while at most spec.backoffLimit).")]
    public int? Failed { get; set; }
}
