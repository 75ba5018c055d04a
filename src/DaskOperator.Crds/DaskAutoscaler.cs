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
    public DaskAutoscaler() => Kind = "DaskAutoscaler";
}

public sealed class DaskAutoscalerSpec
{
    [JsonPropertyName("cluster")]
    [Required]
    [Description("Name of the cluster to associate this worker group with")]
    public string Cluster { get; set; } = "";

    [JsonPropertyName("workerGroup")]
    [Description("The DaskWorkerGroup to scale: its name, or its name without the '<cluster>-' prefix; absent, the cluster's default group.")]
    public string? WorkerGroup { get; set; }

    [JsonPropertyName("minimum")]
    [Required]
    [Minimum(0)]
    [Description("Minimum number of workers")]
    public int Minimum { get; set; }

    [JsonPropertyName("maximum")]
    [Required]
    [Minimum(0)]
    [Description("Maximum number of workers")]
    public int Maximum { get; set; }

    [JsonPropertyName("stabilizationWindowSeconds")]
    [DefaultValue(15)]
    [Minimum(0)]
    [Description("Seconds after a change before the next one (the cooldown), so the group does not thrash.")]
    public int StabilizationWindowSeconds { get; set; } = 15;

    [JsonPropertyName("maxScaleDownPercent")]
    [DefaultValue(25)]
    [Minimum(1)]
    [Maximum(100)]
    [Description("At most this share of the group's workers is removed in one step (at least one worker).")]
    public int MaxScaleDownPercent { get; set; } = 25;
}
