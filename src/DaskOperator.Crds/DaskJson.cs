using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace DaskOperator.Crds;

/// <summary>
/// JSON for the Dask resources and the Kubernetes models together, without reflection: KubernetesClient's options
/// with <see cref="DaskJsonContext"/> in front of its own source-generated models.
/// </summary>
public static class DaskJson
{
    /// <summary>The options: KubernetesClient's converters and naming, both sets of source-generated metadata.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Makes a Kubernetes client built from <paramref name="config"/> read and write the Dask resources with its typed
    /// custom-object calls; a client given to <c>KubeClusterOptions.Client</c> needs it.
    /// </summary>
    public static void AddTo(KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddJsonOptions(o => o.TypeInfoResolverChain.Insert(0, DaskJsonContext.Default));
    }

    /// <summary>Serializes a value of a type either context knows.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    /// <summary>Serializes a value by its runtime type.</summary>
    public static string SerializeObject(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, Options.GetTypeInfo(value.GetType()));
    }

    /// <summary>Reads a value of a type either context knows.</summary>
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize(json, Info<T>())!;

    /// <summary>Reads a value of a type either context knows.</summary>
    public static T Deserialize<T>(JsonElement json) => json.Deserialize(Info<T>())!;

    /// <summary>A value as a JSON node, to build a patch around it.</summary>
    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Info<T>());

    /// <summary>A deep copy through JSON.</summary>
    public static T Clone<T>(T value) => Deserialize<T>(Serialize(value));

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        // A copy of KubernetesClient's options (reading them through AddJsonOptions leaves them unchanged).
        JsonSerializerOptions? copy = null;
        KubernetesJson.AddJsonOptions(o => copy = new JsonSerializerOptions(o));
        copy!.TypeInfoResolverChain.Insert(0, DaskJsonContext.Default);
        copy.MakeReadOnly();
        return copy;
    }
}
