using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace DaskOperator.Controller;

/// <summary>Just enough of any watched object to decide which keys it wakes: metadata and the raw spec.</summary>
internal sealed class KubeObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public JsonElement? Spec { get; set; }

    public string? SpecString(string property) =>
        Spec is { ValueKind: JsonValueKind.Object } spec && spec.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}

/// <summary>A list of <see cref="KubeObject"/> with its resourceVersion, for list-then-watch.</summary>
internal sealed class KubeObjectList
{
    [JsonPropertyName("metadata")] public V1ListMeta Metadata { get; set; } = new();
    [JsonPropertyName("items")] public List<KubeObject> Items { get; set; } = [];
}

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, and the object.</summary>
internal sealed class WatchEvent
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("object")] public KubeObject? Object { get; set; }
}
