using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>Keeps a cluster's default worker group between a minimum and maximum, as the scheduler asks.</summary>
[CustomResource("DaskAutoscaler", "daskautoscalers", "daskautoscaler")]
[PrinterColumn("Cluster", "string", ".spec.cluster", Description = "Cluster to autoscale")]
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

    [JsonPropertyName("minimum")]
    [Required]
    [Description("Minimum number of workers")]
    public int Minimum { get; set; }

    [JsonPropertyName("maximum")]
    [Required]
    [Description("Maximum number of workers")]
    public int Maximum { get; set; }
}
