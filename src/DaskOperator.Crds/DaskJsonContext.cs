using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>
/// Source-generated JSON metadata for the Dask resources (and everything they contain), so that they serialize
/// without reflection: the operator is compiled ahead of time, where reflection-based JSON does not work. The options
/// are KubernetesClient's own, so the wire format is the one its models use. Use it through <see cref="DaskJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(KubernetesJson.Iso8601TimeSpanConverter), typeof(KubernetesJson.KubernetesDateTimeConverter),
        typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(DaskCluster))]
[JsonSerializable(typeof(DaskWorkerGroup))]
[JsonSerializable(typeof(DaskAutoscaler))]
[JsonSerializable(typeof(DaskJob))]
[JsonSerializable(typeof(DaskObjectList<DaskCluster>))]
[JsonSerializable(typeof(DaskObjectList<DaskWorkerGroup>))]
[JsonSerializable(typeof(DaskObjectList<DaskAutoscaler>))]
[JsonSerializable(typeof(DaskObjectList<DaskJob>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
// What an `object` member (managedFields[].fieldsV1, a schema default) holds once read: written back on replace.
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<V1OwnerReference>))]
public sealed partial class DaskJsonContext : JsonSerializerContext;
