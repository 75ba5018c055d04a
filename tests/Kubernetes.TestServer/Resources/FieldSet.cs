using System.Text.Json;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>
/// The fields of an object as server-side apply counts them, path by path in the FieldsV1 notation
/// (<c>f:spec</c>, <c>f:replicas</c>; list items by merge key <c>k:{"name":"worker"}</c> or value <c>v:"x"</c>,
/// an item's own entry <c>.</c>). Maps are granular; lists are atomic unless they have a merge key (built-in kinds:
/// containers, env, ports...; every kind: ownerReferences) or are sets (finalizers). Status and identity fields are
/// not counted.
/// </summary>
public sealed class FieldSet
{
    private static readonly HashSet<string> Untracked = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName",
    };

    private readonly Dictionary<string, string[]> _paths = new(StringComparer.Ordinal);

    private FieldSet()
    {
    }

    public IEnumerable<string[]> Paths => _paths.Values;

    public int Count => _paths.Count;

    public bool IsEmpty => _paths.Count == 0;

    public static FieldSet Empty => new();

    public static FieldSet Of(ResourceType type, JsonObject obj)
    {
        var set = new FieldSet();
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" or "status")
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (field, inner) in metadata.Where(p => !Untracked.Contains(p.Key)))
                {
                    set.Walk(type, ["f:metadata", "f:" + field], field, inner);
                }
                continue;
            }
            set.Walk(type, ["f:" + key], key, value);
        }
        return set;
    }

    public bool Contains(string[] path) => _paths.ContainsKey(Key(path));

    /// <summary>Whether this set holds the path or anything under it.</summary>
    public bool Covers(string[] path) => _paths.Values.Any(p => p.Length >= path.Length && p.AsSpan(0, path.Length).SequenceEqual(path));

    public FieldSet Except(FieldSet other) => Where(p => !other.Contains(p));

    public FieldSet Intersect(FieldSet other) => Where(other.Contains);

    public FieldSet Union(FieldSet other)
    {
        var set = Where(_ => true);
        foreach (var p in other.Paths)
        {
            set.Add(p);
        }

        return set;
    }

    public FieldSet Where(Func<string[], bool> keep)
    {
        var set = new FieldSet();
        foreach (var p in _paths.Values.Where(keep))
        {
            set.Add(p);
        }

        return set;
    }

    /// <summary>The FieldsV1 tree, as <c>metadata.managedFields[].fieldsV1</c> holds it.</summary>
    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in _paths.Values.OrderBy(p => string.Join('\u0001', p), StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in path)
            {
                node = node[segment] as JsonObject ?? (JsonObject)(node[segment] = new JsonObject());
            }
        }
        return root;
    }

    public static FieldSet FromFieldsV1(JsonObject? tree)
    {
        var set = new FieldSet();
        void Read(JsonObject node, List<string> prefix)
        {
            foreach (var (segment, child) in node)
            {
                prefix.Add(segment);
                if (child is JsonObject { Count: > 0 } inner)
                {
                    Read(inner, prefix);
                }
                else
                {
                    set.Add([.. prefix]);
                }

                prefix.RemoveAt(prefix.Count - 1);
            }
        }
        if (tree is not null)
        {
            Read(tree, []);
        }

        return set;
    }

    /// <summary>The value at a path of an object, or null when it is absent.</summary>
    public static JsonNode? ValueAt(JsonObject obj, string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = Step(node, segment, out _);
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>Removes the field or list item at a path, then the maps that this leaves empty (below the top level).</summary>
    public static void Remove(JsonObject obj, string[] path)
    {
        var chain = new List<JsonNode> { obj };
        JsonNode? node = obj;
        var target = path[^1] == "." ? path[..^1] : path;
        foreach (var segment in target[..^1])
        {
            node = Step(node, segment, out _);
            if (node is null)
            {
                return;
            }

            chain.Add(node);
        }
        var parent = chain[^1];
        Step(parent, target[^1], out var remove);
        remove?.Invoke();
        for (var i = chain.Count - 1; i >= 2; i--)
        {
            if (chain[i] is JsonObject { Count: 0 } or JsonArray { Count: 0 })
            {
                Step(chain[i - 1], target[i - 1], out var removeEmpty);
                removeEmpty?.Invoke();
            }
        }
    }

    /// <summary>A path as kubectl prints it in a conflict: <c>.spec.containers[name="worker"].image</c>.</summary>
    public static string Describe(string[] path) => string.Concat(path.Where(s => s != ".").Select(s => s[..2] switch
    {
        "f:" => "." + s[2..],
        "k:" => "[" + string.Join(",", JsonNode.Parse(s[2..])!.AsObject().Select(p => $"{p.Key}={p.Value?.ToJsonString()}")) + "]",
        _ => "[=" + s[2..] + "]",
    }));

    private void Add(string[] path) => _paths[Key(path)] = path;

    private static string Key(string[] path) => string.Join('\u0001', path);

    private void Walk(ResourceType type, string[] path, string field, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } map:
                foreach (var (key, inner) in map)
                {
                    Walk(type, [.. path, "f:" + key], key, inner);
                }

                break;
            case JsonArray list when MergeKeyOf(type, path, field, list) is { } keys:
                foreach (var item in list.OfType<JsonObject>())
                {
                    var itemPath = (string[])[.. path, "k:" + ItemKey(item, keys)];
                    Add([.. itemPath, "."]);
                    foreach (var (key, inner) in item)
                    {
                        Walk(type, [.. itemPath, "f:" + key], key, inner);
                    }
                }
                break;
            case JsonArray list when field == "finalizers" && path[0] == "f:metadata":
                foreach (var item in list)
                {
                    Add([.. path, "v:" + item?.ToJsonString()]);
                }

                break;
            default:
                Add(path);
                break;
        }
    }

    /// <summary>The merge key of a list whose items are tracked one by one, or null for an atomic list.</summary>
    private static string[]? MergeKeyOf(ResourceType type, string[] path, string field, JsonArray list)
    {
        if (list.Count == 0 || list.Any(i => i is not JsonObject))
        {
            return null;
        }

        var keys = field == "ownerReferences" && path[0] == "f:metadata" ? ["uid"]
            : type.IsCustom ? null : Patching.StrategicMergePatch.MergeKeyOf(field);
        if (keys is null)
        {
            return null;
        }

        var present = keys.Where(k => list.All(i => i![k] is not null)).ToArray();
        return present.Length > 0 ? present : null;
    }

    private static string ItemKey(JsonObject item, string[] keys)
    {
        var key = new JsonObject();
        foreach (var k in keys.Where(k => item[k] is not null))
        {
            key[k] = item[k]!.DeepClone();
        }

        return key.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode? Step(JsonNode? node, string segment, out Action? remove)
    {
        remove = null;
        switch (segment[..Math.Min(2, segment.Length)])
        {
            case "f:" when node is JsonObject map:
                var name = segment[2..];
                remove = () => map.Remove(name);
                return map[name];
            case "k:" when node is JsonArray list:
                var key = JsonNode.Parse(segment[2..])!.AsObject();
                var match = list.OfType<JsonObject>().FirstOrDefault(i => key.All(k => JsonNode.DeepEquals(i[k.Key], k.Value)));
                remove = match is null ? null : () => list.Remove(match);
                return match;
            case "v:" when node is JsonArray values:
                var wanted = JsonNode.Parse(segment[2..]);
                var found = values.FirstOrDefault(v => JsonNode.DeepEquals(v, wanted));
                remove = found is null ? null : () => values.Remove(found);
                return found;
            default:
                return null;
        }
    }
}
