using System.Text.Json.Serialization;
using k8s;

namespace DaskOperator.Controller;

/// <summary>Source-generated JSON for what the watches read, with KubernetesClient's options (see DaskJsonContext).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(KubeObjectList))]
[JsonSerializable(typeof(WatchEvent))]
internal sealed partial class ControllerJsonContext : JsonSerializerContext;
