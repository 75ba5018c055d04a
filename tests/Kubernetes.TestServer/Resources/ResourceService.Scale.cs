using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Patching;
using Kubernetes.TestServer.Selectors;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>The scale subresource of custom resources: an <c>autoscaling/v1</c> Scale read from and written to the CRD's paths.</summary>
public sealed partial class ResourceService
{
    public JsonObject GetScale(ResourceType type, string? ns, string name)
    {
        var obj = Get(type, ns, name);
        RequireScale(type, obj);
        return ToScale(type, obj);
    }

    public JsonObject ReplaceScale(ResourceType type, string? ns, string name, JsonObject scale, WriteOptions? options = null) =>
        WriteScale(type, ns, name, options ?? WriteOptions.Default, _ => scale);

    public JsonObject PatchScale(ResourceType type, string? ns, string name, string patchType, string patchBody, WriteOptions? options = null)
    {
        var patch = patchType switch
        {
            StrategicPatch or MergePatch or JsonPatchType => JsonNode.Parse(patchBody),
            ApplyPatch => YamlToJson.Convert(patchBody),
            _ => throw ApiException.UnsupportedMediaType(patchType),
        };
        return WriteScale(type, ns, name, options ?? WriteOptions.Default, current => patchType switch
        {
            JsonPatchType => (JsonObject)JsonPatch.Apply(current, (JsonArray)patch!),
            _ => (JsonObject)JsonMergePatch.Apply(current, patch)!,
        });
    }

    private JsonObject WriteScale(ResourceType type, string? ns, string name, WriteOptions options, Func<JsonObject, JsonObject> change)
    {
        var written = Write(type, ns, name, options, current =>
        {
            var scale = RequireScale(type, current);
            var wanted = change(ToScale(type, current));
            CheckResourceVersion(type, name, current, wanted.Str("metadata", "resourceVersion"));
            var replicas = wanted.Long("spec", "replicas") ?? throw ApiException.Invalid("Scale", name, "spec.replicas: Required value");
            if (replicas < 0)
            {
                throw ApiException.Invalid("Scale", name, $"spec.replicas: Invalid value: {replicas}: must be greater than or equal to 0");
            }

            var next = current.Clone();
            SimpleJsonPath.Set(next, scale.SpecReplicasPath, replicas);
            var composed = Compose(type, current, next, null);
            ManagedFields.OnUpdate(type, current, composed, options.FieldManager);
            return composed;
        });
        return ToScale(type, written);
    }

    private static ScaleSubresource RequireScale(ResourceType type, JsonObject obj) =>
        type.Scale ?? throw ApiException.NotFound($"{type.Plural}/scale", obj.Name(), type.Group);

    private static JsonObject ToScale(ResourceType type, JsonObject obj)
    {
        var scale = type.Scale!;
        var status = new JsonObject { ["replicas"] = SimpleJsonPath.First(obj, scale.StatusReplicasPath)?.DeepClone() ?? 0 };
        if (scale.LabelSelectorPath is not null && SimpleJsonPath.First(obj, scale.LabelSelectorPath) is { } selector)
        {
            status["selector"] = selector.DeepClone();
        }

        var metadata = obj.Metadata();
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = SimpleJsonPath.First(obj, scale.SpecReplicasPath)?.DeepClone() ?? 0 },
            ["status"] = status,
        };
    }
}
