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
}

public sealed class JobTemplate
{
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [Required]
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
