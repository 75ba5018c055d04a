using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Patching;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>Replace (PUT) and patch (PATCH) of objects and of their status subresource.</summary>
public sealed partial class ResourceService
{
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatchType = "application/json-patch+json";
    public const string StrategicPatch = "application/strategic-merge-patch+json";

    public JsonObject Replace(ResourceType type, string? ns, string name, JsonObject body, string? subresource = null, WriteOptions? options = null)
    {
        options ??= WriteOptions.Default;
        CheckKind(type, body);
        var bodyName = body.Str("metadata", "name");
        if (bodyName is not null && bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        return Write(type, ns, name, options, current =>
        {
            CheckResourceVersion(type, name, current, body.Str("metadata", "resourceVersion"));
            var next = Compose(type, current, body, subresource, options.StrictFields);
            ManagedFields.OnUpdate(type, current, next, options.FieldManager);
            return next;
        });
    }

    public JsonObject Patch(ResourceType type, string? ns, string name, string patchType, string patchBody, string? subresource = null, WriteOptions? options = null)
    {
        options ??= WriteOptions.Default;
        var patch = ParsePatch(type, patchType, patchBody);
        var apply = patchType == ApplyPatch;
        if (apply)
        {
            if (string.IsNullOrEmpty(options.FieldManager))
            {
                throw ApiException.BadRequest("PATCH, application/apply-patch+yaml, requires fieldManager to be set");
            }

            patch.AsObject().Metadata().Remove("managedFields");
        }

        if (apply && subresource is null && Store.Get(type, ns, name) is null)
        {
            var created = (JsonObject)patch;
            created.Metadata()["name"] = name;
            return Create(type, ns, created, options, applied: created.Clone());
        }

        return Write(type, ns, name, options, current =>
        {
            var patched = patchType switch
            {
                JsonPatchType => JsonPatch.Apply(current.Clone(), (JsonArray)patch) as JsonObject,
                MergePatch => JsonMergePatch.Apply(current.Clone(), patch) as JsonObject,
                StrategicPatch => StrategicMergePatch.Apply(current.Clone(), (JsonObject)patch),
                _ => ServerSideApply(type, current.Clone(), (JsonObject)patch),
            } ?? throw ApiException.BadRequest("the patch did not produce an object");
            CheckResourceVersion(type, name, current, patch.Str("metadata", "resourceVersion"));
            var ownership = apply && subresource is null
                ? ManagedFields.Apply(type, current, patched, (JsonObject)patch, options.FieldManager!, options.Force)
                : null;
            var next = Compose(type, current, patched, subresource, options.StrictFields);
            if (ownership is not null)
            {
                ManagedFields.Keep(next, ownership);
            }
            else
            {
                ManagedFields.OnUpdate(type, current, next, options.FieldManager);
            }

            return next;
        });
    }

    private JsonObject Write(ResourceType type, string? ns, string name, WriteOptions options, Func<JsonObject, JsonObject> change)
    {
        if (options.DryRun)
        {
            return change(Get(type, ns, name));
        }

        var updated = Committed(type, Store.Update(type, ns, name, change), removed: false);
        return ReadyToRemove(type, updated) ? Committed(type, Store.Remove(type, ns, name), removed: true) : updated;
    }

    /// <summary>An object being deleted goes once its finalizers are gone (a pod also waits for its kubelet).</summary>
    private static bool ReadyToRemove(ResourceType type, JsonObject obj) =>
        obj.At("metadata", "deletionTimestamp") is not null
        && (obj.At("metadata", "finalizers") as JsonArray ?? []).Count == 0
        && (type != BuiltinResources.Pods || obj.Long("metadata", "deletionGracePeriodSeconds") is null or 0);

    private static JsonNode ParsePatch(ResourceType type, string patchType, string body)
    {
        try
        {
            var patch = patchType switch
            {
                ApplyPatch => YamlToJson.Convert(body),
                JsonPatchType or MergePatch => JsonNode.Parse(body),
                StrategicPatch when type.IsCustom => throw new ApiException(415, "UnsupportedMediaType", "strategic merge patch is not supported for custom resources; use a merge patch"),
                StrategicPatch => JsonNode.Parse(body),
                _ => throw ApiException.UnsupportedMediaType(patchType),
            };
            return patch switch
            {
                JsonArray when patchType == JsonPatchType => patch,
                JsonObject when patchType != JsonPatchType => patch,
                _ => throw ApiException.BadRequest($"the body of a {patchType} patch has the wrong shape"),
            };
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiException.BadRequest($"error decoding patch: {e.Message}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiException.BadRequest($"error decoding YAML: {e.Message}");
        }
    }

    /// <summary>
    /// Server-side apply's merge: the applied configuration goes into the live object (maps merge; built-in lists
    /// merge by key; custom resources' lists are replaced); <see cref="ManagedFields.Apply"/> then removes what the
    /// manager stopped applying.
    /// </summary>
    private static JsonObject ServerSideApply(ResourceType type, JsonObject current, JsonObject applied)
    {
        CheckKind(type, applied);
        return type.IsCustom
            ? (JsonObject)JsonMergePatch.Apply(current, applied)!
            : StrategicMergePatch.Apply(current, applied);
    }

    private static void CheckResourceVersion(ResourceType type, string name, JsonObject current, string? expected)
    {
        if (!string.IsNullOrEmpty(expected) && expected != current.Str("metadata", "resourceVersion"))
        {
            throw ApiException.Conflict(type.Plural, name, type.Group);
        }
    }

    /// <summary>
    /// What an accepted write stores: identity and deletion state come from the stored object; the status
    /// subresource owns status; generation counts changes outside metadata and status.
    /// </summary>
    private JsonObject Compose(ResourceType type, JsonObject current, JsonObject incoming, string? subresource, bool strict = false)
    {
        JsonObject next;
        if (subresource == "status")
        {
            next = current.Clone();
            next["status"] = incoming["status"]?.DeepClone();
        }
        else
        {
            next = incoming.Clone();
            if (type.HasStatus)
            {
                next["status"] = current["status"]?.DeepClone();
            }
        }

        if (next["status"] is null)
        {
            next.Remove("status");
        }

        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        var metadata = next.Metadata();
        var old = current.Metadata();
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            metadata[field] = old[field]?.DeepClone();
            if (metadata[field] is null)
            {
                metadata.Remove(field);
            }
        }

        StructuralSchema.Apply(type, next, strict);
        if (!WithoutMetadataAndStatus(current).SameAs(WithoutMetadataAndStatus(next)))
        {
            metadata["generation"] = (current.Long("metadata", "generation") ?? 1) + 1;
        }

        foreach (var hook in Hooks.Where(h => h.AppliesTo(type)))
        {
            hook.OnUpdate(type, current, next);
        }

        return next;
    }

    private static JsonObject WithoutMetadataAndStatus(JsonObject obj)
    {
        var copy = obj.Clone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }
}
