using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>A homogeneous set of workers of one cluster (own pod spec, own Dask resources).</summary>
[CustomResource("DaskWorkerGroup", "daskworkergroups", "daskworkergroup", ShortNames = ["daskworkers"])]
[PrinterColumn("Cluster", "string", ".spec.cluster", Description = "The cluster this group belongs to")]
[PrinterColumn("Workers", "integer", ".spec.worker.replicas", Description = "The number of desired worker Pods")]
[PrinterColumn("Ready", "integer", ".status.readyReplicas")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
[ScaleSubresource(".spec.worker.replicas", ".status.replicas")]
public sealed class DaskWorkerGroup : DaskObject<DaskWorkerGroupSpec>
{
    /// <summary>Creates an empty DaskWorkerGroup with its kind set.</summary>
    public DaskWorkerGroup() => Kind = "DaskWorkerGroup";
}

/// <summary><c>spec</c> of a DaskWorkerGroup.</summary>
public sealed class DaskWorkerGroupSpec
{
    /// <summary>Name of the cluster to associate this worker group with.</summary>
    [JsonPropertyName("cluster")]
    [Required]
    [Description("Name of the cluster to associate this worker group with")]
    public string Cluster { get; set; } = "";

    /// <summary>The group's replicas and pod.</summary>
    [JsonPropertyName("worker")]
    [Required]
    public WorkerTemplate Worker { get; set; } = new();
}
