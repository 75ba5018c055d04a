using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>The scheduler's pod and service (<c>spec.scheduler</c>).</summary>
public sealed class SchedulerTemplate
{
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [Required]
    public V1PodSpec Spec { get; set; } = new();

    [JsonPropertyName("service")]
    [Required]
    public V1ServiceSpec Service { get; set; } = new();
}
