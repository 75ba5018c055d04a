using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Patching;

/// <summary>
/// Strategic merge patch for built-in kinds, driven by the merge keys of the fields that use them
/// (containers and env by name, ports by port, conditions by type...); lists without a key are replaced.
/// Understands <c>$patch</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/</c> and ignores <c>$setElementOrder/</c>.
/// </summary>
public static class StrategicMergePatch
{
    private static readonly Dictionary<string, string[]> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["env"] = ["name"],
        ["volumes"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["ports"] = ["containerPort", "port"],
        ["conditions"] = ["type"],
        ["ownerReferences"] = ["uid"],
        ["hostAliases"] = ["ip"],
        ["topologySpreadConstraints"] = ["topologyKey"],
        ["resourceClaims"] = ["name"],
        ["containerStatuses"] = ["name"],
        ["initContainerStatuses"] = ["name"],
    };

    private static readonly HashSet<string> MergedPrimitiveLists = new(StringComparer.Ordinal) { "finalizers" };

    public static JsonObject Apply(JsonObject target, JsonObject patch) => MergeMap(target, patch);

    /// <summary>The merge key(s) of a list field of built-in kinds, or null for a list that is replaced whole.</summary>
    public static string[]? MergeKeyOf(string field) => MergeKeys.TryGetValue(field, out var keys) ? keys : null;

    private static JsonObject MergeMap(JsonObject target, JsonObject patch)
    {
        if (patch["$patch"].Text() == "replace")
        {
            var replacement = (JsonObject)patch.DeepClone();
            replacement.Remove("$patch");
            return replacement;
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k.Text()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key is "$patch" or "$retainKeys" || key.StartsWith("$setElementOrder/", StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (target[field] is JsonArray list && value is JsonArray remove)
                {
                    foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                    {
                        list.Remove(item);
                    }
                }

                continue;
            }

            if (value is null)
            {
                target.Remove(key);
                continue;
            }

            target.TryGetPropertyValue(key, out var existing);
            target[key] = (existing, value) switch
            {
                (_, JsonObject p) when p["$patch"].Text() == "delete" => null,
                (JsonObject e, JsonObject p) => MergeMap((JsonObject)e.DeepClone(), p),
                (JsonArray e, JsonArray p) => MergeList(key, (JsonArray)e.DeepClone(), p),
                (_, JsonObject p) => MergeMap(new JsonObject(), p),
                (_, JsonArray p) => MergeList(key, new JsonArray(), p),
                _ => value.DeepClone(),
            };
            if (target[key] is null && value is JsonObject deleted && deleted["$patch"] is not null)
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(string field, JsonArray target, JsonArray patch)
    {
        if (MergedPrimitiveLists.Contains(field))
        {
            foreach (var item in patch.Where(p => !target.Any(t => JsonNode.DeepEquals(t, p))))
            {
                target.Add(item?.DeepClone());
            }

            return target;
        }

        if (patch.Any(p => p is JsonObject o && o["$patch"].Text() == "replace"))
        {
            return new JsonArray([.. patch.Where(p => p is not JsonObject o || o["$patch"] is null).Select(p => p?.DeepClone())]);
        }

        var key = MergeKeys.TryGetValue(field, out var candidates)
            ? candidates.FirstOrDefault(c => patch.Concat(target).Any(i => i is JsonObject o && o.ContainsKey(c)))
            : null;
        if (key is null)
        {
            return new JsonArray([.. patch.Select(p => p?.DeepClone())]);
        }

        foreach (var item in patch.OfType<JsonObject>())
        {
            var id = item[key];
            var match = target.OfType<JsonObject>().FirstOrDefault(t => JsonNode.DeepEquals(t[key], id));
            if (item["$patch"].Text() == "delete")
            {
                if (match is not null)
                {
                    target.Remove(match);
                }

                continue;
            }

            if (match is null)
            {
                target.Add(MergeMap(new JsonObject(), item));
            }
            else
            {
                var index = target.IndexOf(match);
                target[index] = MergeMap((JsonObject)match.DeepClone(), item);
            }
        }

        return target;
    }
}
