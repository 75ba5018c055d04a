using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>How many workers and the pod each one runs (<c>spec.worker</c>).</summary>
public sealed class WorkerTemplate
{
    /// <summary>Number of workers to start.</summary>
    [JsonPropertyName("replicas")]
    [DefaultValue(1)]
    [Description("Number of workers to start.")]
    public int Replicas { get; set; } = 1;

    /// <summary>Labels and annotations of the worker pods.</summary>
    [JsonPropertyName("metadata")]
    public SimpleObjectMeta? Metadata { get; set; }

    /// <summary>The worker pod spec.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public V1PodSpec Spec { get; set; } = new();
}
