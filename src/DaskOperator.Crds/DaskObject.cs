using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>What every Dask custom resource shares: type meta, object meta, a spec and our status.</summary>
public abstract class DaskObject<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    /// <summary><c>kubernetes.dask.org/v1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = DaskApi.ApiVersion;

    /// <summary>The kind, set by each subclass.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary>The object's metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the user asks for.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public TSpec Spec { get; set; } = new();

    /// <summary>What the operator reports.</summary>
    [JsonPropertyName("status")]
    public DaskStatus? Status { get; set; }
}
