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
    /// <summary>Creates an empty DaskJob with its kind set.</summary>
    public DaskJob() => Kind = "DaskJob";
}

/// <summary><c>spec</c> of a DaskJob.</summary>
public sealed class DaskJobSpec
{
    /// <summary>The runner pod.</summary>
    [JsonPropertyName("job")]
    [Required]
    public JobTemplate Job { get; set; } = new();

    /// <summary>The cluster made for the job.</summary>
    [JsonPropertyName("cluster")]
    [Required]
    public ClusterTemplate Cluster { get; set; } = new();

    /// <summary>Runner failures retried before the job fails (a failed runner pod is replaced, or with restartPolicy OnFailure its restarts count); the cluster stays between tries.</summary>
    [JsonPropertyName("backoffLimit")]
    [DefaultValue(0)]
    [Minimum(0)]
    [Description("Runner failures retried before the job fails (a failed runner pod is replaced, or with restartPolicy OnFailure its restarts count); the cluster stays between tries.")]
    public int BackoffLimit { get; set; }

    /// <summary>Seconds after its creation when a job still running fails (reason DeadlineExceeded) and its runner is stopped.</summary>
    [JsonPropertyName("activeDeadlineSeconds")]
    [Minimum(1)]
    [Description("Seconds after its creation when a job still running fails (reason DeadlineExceeded) and its runner is stopped.")]
    public long? ActiveDeadlineSeconds { get; set; }

    /// <summary>Seconds after the job finished when its runner pod and cluster are deleted; the DaskJob and its status stay.</summary>
    [JsonPropertyName("ttlSecondsAfterFinished")]
    [Minimum(0)]
    [Description("Seconds after the job finished when its runner pod and cluster are deleted; the DaskJob and its status stay.")]
    public long? TtlSecondsAfterFinished { get; set; }

    /// <summary>Keep the job's cluster after a failure, for debugging (deleted with the job, or after ttlSecondsAfterFinished).</summary>
    [JsonPropertyName("keepClusterOnFailure")]
    [DefaultValue(false)]
    [Description("Keep the job's cluster after a failure, for debugging (deleted with the job, or after ttlSecondsAfterFinished).")]
    public bool KeepClusterOnFailure { get; set; }
}

/// <summary>The runner pod of a DaskJob (<c>spec.job</c>).</summary>
public sealed class JobTemplate
{
    /// <summary>Labels and annotations of the runner pod.</summary>
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    /// <summary>The runner pod spec.</summary>
    [JsonPropertyName("spec")]
    [Required]
    [EmbeddedDefault("restartPolicy", "OnFailure")]
    public V1PodSpec Spec { get; set; } = new();
}

/// <summary>The cluster of a DaskJob (<c>spec.cluster</c>).</summary>
public sealed class ClusterTemplate
{
    /// <summary>Labels and annotations of the DaskCluster.</summary>
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    /// <summary>The DaskCluster spec.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public DaskClusterSpec Spec { get; set; } = new();
}
