using System.Text.Json.Serialization;

namespace DaskOperator.Crds;

/// <summary>The labels and annotations a template passes on to the objects it creates.</summary>
public sealed class SimpleObjectMeta
{
    /// <summary>Labels to set.</summary>
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Annotations to set.</summary>
    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; set; }
}
