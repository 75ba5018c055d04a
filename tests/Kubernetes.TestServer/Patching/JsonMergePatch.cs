using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Patching;

/// <summary>RFC 7386 JSON merge patch: maps merge, <c>null</c> removes, everything else replaces.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            var merged = Apply(result.TryGetPropertyValue(key, out var existing) ? existing?.DeepClone() : null, value);
            result[key] = merged;
        }

        return result;
    }
}
