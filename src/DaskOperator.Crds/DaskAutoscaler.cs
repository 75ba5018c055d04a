using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>Keeps one worker group of a cluster (the default group unless named) between a minimum and maximum, as the scheduler asks.</summary>
[CustomResource("DaskAutoscaler", "daskautoscalers", "daskautoscaler")]
[PrinterColumn("Cluster", "string", ".spec.cluster", Description = "Cluster to autoscale")]
[PrinterColumn("Group", "string", ".spec.workerGroup", Description = "Worker group to autoscale (empty: the default group)")]
[PrinterColumn("Minimum", "integer", ".spec.minimum")]
[PrinterColumn("Maximum", "integer", ".spec.maximum")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class DaskAutoscaler : DaskObject<DaskAutoscalerSpec>
{
    /// <summary>Creates an empty DaskAutoscaler with its kind set.</summary>
    public DaskAutoscaler() => Kind = "DaskAutoscaler";
}

/// <summary><c>spec</c> of a DaskAutoscaler.</summary>
public sealed class DaskAutoscalerSpec
{
    /// <summary>The DaskCluster to autoscale.</summary>
    [JsonPropertyName("cluster")]
    [Required]
    [Description("Name of the cluster to associate this worker group with")]
    public string Cluster { get; set; } = "";

    /// <summary>The DaskWorkerGroup to scale: its name, or its name without the '&lt;cluster&gt;-' prefix; absent, the cluster's default group.</summary>
    [JsonPropertyName("workerGroup")]
    [Description("The DaskWorkerGroup to scale: its name, or its name without the '<cluster>-' prefix; absent, the cluster's default group.")]
    public string? WorkerGroup { get; set; }

    /// <summary>Minimum number of workers.</summary>
    [JsonPropertyName("minimum")]
    [Required]
    [Minimum(0)]
    [Description("Minimum number of workers")]
    public int Minimum { get; set; }

    /// <summary>Maximum number of workers.</summary>
    [JsonPropertyName("maximum")]
    [Required]
    [Minimum(0)]
    [Description("Maximum number of workers")]
    public int Maximum { get; set; }

    /// <summary>Seconds after a change before the next one (the cooldown), so the group does not thrash.</summary>
    [JsonPropertyName("stabilizationWindowSeconds")]
    [DefaultValue(15)]
    [Minimum(0)]
    [Description("Seconds after a change before the next one (the cooldown), so the group does not thrash.")]
    public int StabilizationWindowSeconds { get; set; } = 15;

    /// <summary>At most this share of the group's workers is removed in one step (at least one worker).</summary>
    [JsonPropertyName("maxScaleDownPercent")]
    [DefaultValue(25)]
    [Minimum(1)]
    [Maximum(100)]
    [Description("At most this share of the group's workers is removed in one step (at least one worker).")]
    public int MaxScaleDownPercent { get; set; } = 25;
}
