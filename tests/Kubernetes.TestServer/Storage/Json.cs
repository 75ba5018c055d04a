using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Storage;

/// <summary>Small helpers over <see cref="JsonNode"/>: objects are kept as JSON so any kind, built-in or custom, is stored alike.</summary>
public static class Json
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? Str(this JsonNode? node, params string[] path)
    {
        var value = node.At(path);
        return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    public static long? Long(this JsonNode? node, params string[] path)
    {
        var value = node.At(path);
        if (value is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (v.TryGetValue<double>(out var d))
        {
            return (long)d;
        }

        if (v.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var el))
        {
            return el;
        }

        return v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>True only for a JSON <c>true</c> (or the string "true"); never throws on other shapes.</summary>
    public static bool IsTrue(this JsonNode? node) =>
        node is JsonValue v && ((v.TryGetValue<bool>(out var b) && b) || (v.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.True)
            || (v.TryGetValue<string>(out var s) && s == "true"));

    /// <summary>True only for a JSON <c>false</c> (or the string "false").</summary>
    public static bool IsFalse(this JsonNode? node) =>
        node is JsonValue v && ((v.TryGetValue<bool>(out var b) && !b) || (v.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.False)
            || (v.TryGetValue<string>(out var s) && s == "false"));

    /// <summary>A number node's value, whatever CLR type built it (parsed JSON, long, int, double...).</summary>
    public static double? Number(this JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<JsonElement>(out var e))
        {
            return e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
        }

        return v.TryGetValue<double>(out var d) ? d
            : v.TryGetValue<long>(out var l) ? l
            : v.TryGetValue<int>(out var i) ? i
            : v.TryGetValue<decimal>(out var m) ? (double)m
            : v.TryGetValue<float>(out var f) ? f
            : v.TryGetValue<uint>(out var u) ? u
            : v.TryGetValue<ulong>(out var ul) ? ul
            : null;
    }

    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static JsonObject Obj(this JsonObject parent, string name)
    {
        if (parent[name] is JsonObject child)
        {
            return child;
        }

        child = new JsonObject();
        parent[name] = child;
        return child;
    }

    public static string Name(this JsonObject obj) => obj.Str("metadata", "name") ?? "";

    public static string? Namespace(this JsonObject obj) => obj.Str("metadata", "namespace");

    public static string Uid(this JsonObject obj) => obj.Str("metadata", "uid") ?? "";

    public static IReadOnlyDictionary<string, string> Labels(this JsonObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj.At("metadata", "labels") is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                result[key] = value?.ToString() ?? "";
            }
        }

        return result;
    }

    public static JsonObject Clone(this JsonObject obj) => (JsonObject)obj.DeepClone();

    public static bool SameAs(this JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Now() => Timestamp(DateTimeOffset.UtcNow);

    public static JsonObject Parse(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new JsonException("expected a JSON object");

    /// <summary>Converts a scalar node to the text kubectl would print (strings unquoted).</summary>
    public static string Text(this JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
