using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>A runner pod that runs to completion against a cluster made for it.</summary>
[CustomResource("DaskJob", "daskjobs", "daskjob", ShortNames = ["djb"])]
[PrinterColumn("Status", "string", ".status.jobStatus")]
[PrinterColumn("Number Of Workers", "integer", ".spec.cluster.spec.worker.replicas")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class DaskJob : DaskObject<DaskJobSpec>
{
    public DaskJob() => Kind = "DaskJob";
}

public sealed class DaskJobSpec
{
    [JsonPropertyName("job")]
    [Required]
    public JobTemplate Job { get; set; } = new();

    [JsonPropertyName("cluster")]
    [Required]
    public ClusterTemplate Cluster { get; set; } = new();

    [JsonPropertyName("backoffLimit")]
    [DefaultValue(0)]
    [Minimum(0)]
    [Description("Runner failures retried before the job fails (a failed runner pod is replaced, or with restartPolicy OnFailure its restarts count); the cluster stays between tries.")]
    public int BackoffLimit { get; set; }

    [JsonPropertyName("activeDeadlineSeconds")]
    [Minimum(1)]
    [Description("Seconds after its creation when a job still running fails (reason DeadlineExceeded) and its runner is stopped.")]
    public long? ActiveDeadlineSeconds { get; set; }

    [JsonPropertyName("ttlSecondsAfterFinished")]
    [Minimum(0)]
    [Description("Seconds after the job finished when its runner pod and cluster are deleted; the DaskJob and its status stay.")]
    public long? TtlSecondsAfterFinished { get; set; }

    [JsonPropertyName("keepClusterOnFailure")]
    [DefaultValue(false)]
    [Description("Keep the job's cluster after a failure, for debugging (deleted with the job, or after ttlSecondsAfterFinished).")]
    public bool KeepClusterOnFailure { get; set; }
}

public sealed class JobTemplate
{
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [Required]
    [EmbeddedDefault("restartPolicy", "OnFailure")]
    public V1PodSpec Spec { get; set; } = new();
}

public sealed class ClusterTemplate
{
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [Required]
    public DaskClusterSpec Spec { get; set; } = new();
}
