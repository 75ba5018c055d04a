using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Selectors;

/// <summary>
/// The JSONPath subset CRDs use for printer columns and scale paths: <c>.a.b</c>, <c>.a[0].b</c>, <c>.a[*].b</c>,
/// optionally wrapped in braces.
/// </summary>
public static class SimpleJsonPath
{
    public static IReadOnlyList<JsonNode?> Select(JsonNode? root, string path)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in Steps(path))
        {
            current = current.SelectMany(node => Step(node, step)).ToList();
        }

        return [.. current];
    }

    public static JsonNode? First(JsonNode? root, string path) => Select(root, path).FirstOrDefault(n => n is not null);

    /// <summary>Writes <paramref name="value"/> at a plain dotted path (no indexes), creating maps on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var steps = Steps(path);
        var node = root;
        foreach (var step in steps[..^1])
        {
            node = node.Obj(step);
        }

        node[steps[^1]] = value;
    }

    private static List<JsonNode?> Step(JsonNode? node, string step)
    {
        if (step.EndsWith(']') && step.Contains('[', StringComparison.Ordinal))
        {
            var open = step.IndexOf('[', StringComparison.Ordinal);
            var field = step[..open];
            var index = step[(open + 1)..^1];
            var list = field.Length == 0 ? node : node.At(field);
            if (list is not JsonArray array)
            {
                return [];
            }

            if (index == "*")
            {
                return [.. array];
            }

            return int.TryParse(index, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? (i < 0 ? i + array.Count : i) is var at && at >= 0 && at < array.Count ? [array[at]] : []
                : [];
        }

        return node is JsonObject o && o.TryGetPropertyValue(step, out var child) ? [child] : [];
    }

    private static string[] Steps(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('{') && trimmed.EndsWith('}'))
        {
            trimmed = trimmed[1..^1];
        }

        return trimmed.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
    }
}
