using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>What every Dask custom resource shares: type meta, object meta, a spec and our status.</summary>
public abstract class DaskObject<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = DaskApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Required]
    public TSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public DaskStatus? Status { get; set; }
}
