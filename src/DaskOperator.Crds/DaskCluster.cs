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
    /// <summary>Creates an empty DaskCluster with its kind set.</summary>
    public DaskCluster() => Kind = "DaskCluster";
}

/// <summary><c>spec</c> of a DaskCluster.</summary>
public sealed class DaskClusterSpec
{
    /// <summary>Delete the cluster if the scheduler is idle for longer than this many seconds; 0 never.</summary>
    [JsonPropertyName("idleTimeout")]
    [DefaultValue(0)]
    [Description("Delete the cluster if the scheduler is idle for longer than this many seconds; 0 never.")]
    public int IdleTimeout { get; set; }

    /// <summary>The scheduler's pod and service.</summary>
    [JsonPropertyName("scheduler")]
    [Required]
    public SchedulerTemplate Scheduler { get; set; } = new();

    /// <summary>The default worker group: replicas and pod.</summary>
    [JsonPropertyName("worker")]
    [Required]
    public WorkerTemplate Worker { get; set; } = new();
}
