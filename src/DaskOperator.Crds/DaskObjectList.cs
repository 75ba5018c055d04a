using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>A list of one kind of Dask resource, as the API server returns it.</summary>
public sealed class DaskObjectList<T>
{
    /// <summary>The list's metadata: its resourceVersion.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The objects.</summary>
    [JsonPropertyName("items")]
    public List<T> Items { get; set; } = [];
}
