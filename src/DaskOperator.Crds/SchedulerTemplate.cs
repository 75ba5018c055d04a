using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>The scheduler's pod and service (<c>spec.scheduler</c>).</summary>
public sealed class SchedulerTemplate
{
    /// <summary>Labels and annotations of the scheduler's pod and service.</summary>
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    /// <summary>The scheduler's pod spec.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public V1PodSpec Spec { get; set; } = new();

    /// <summary>The scheduler's service spec.</summary>
    [JsonPropertyName("service")]
    [Required]
    public V1ServiceSpec Service { get; set; } = new();
}
