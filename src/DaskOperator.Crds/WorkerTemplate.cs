using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>How many workers and the pod each one runs (<c>spec.worker</c>).</summary>
public sealed class WorkerTemplate
{
    [JsonPropertyName("replicas")]
    [DefaultValue(1)]
    [Description("Number of workers to start.")]
    public int Replicas { get; set; } = 1;

    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [Required]
    public V1PodSpec Spec { get; set; } = new();
}
