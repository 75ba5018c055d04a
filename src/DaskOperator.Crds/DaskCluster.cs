using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>A scheduler, its service and a default worker group.</summary>
[CustomResource("DaskCluster", "daskclusters", "daskcluster", ShortNames = ["daskcluster", "dsk"])]
[PrinterColumn("Workers", "integer", ".spec.worker.replicas", Description = "The number of desired worker Pods")]
[PrinterColumn("Status", "string", ".status.phase")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
[ScaleSubresource(".spec.worker.replicas", ".status.replicas")]
public sealed class DaskCluster : DaskObject<DaskClusterSpec>
{
    public DaskCluster() => Kind = "DaskCluster";
}

public sealed class DaskClusterSpec
{
    [JsonPropertyName("idleTimeout")]
    [DefaultValue(0)]
    [Description("Delete the cluster if the scheduler is idle for longer than this many seconds; 0 never.")]
    public int IdleTimeout { get; set; }

    [JsonPropertyName("scheduler")]
    [Required]
    public SchedulerTemplate Scheduler { get; set; } = new();

    [JsonPropertyName("worker")]
    [Required]
    public WorkerTemplate Worker { get; set; } = new();
}
