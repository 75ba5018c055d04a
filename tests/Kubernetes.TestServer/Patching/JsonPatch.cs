using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test operations on JSON pointers.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        foreach (var item in operations)
        {
            var operation = item as JsonObject ?? throw ApiException.BadRequest("a json patch operation must be an object");
            var op = operation.Str("op") ?? throw ApiException.BadRequest("json patch operation without \"op\"");
            var path = operation.Str("path") ?? throw ApiException.BadRequest("json patch operation without \"path\"");
            switch (op)
            {
                case "add":
                    document = Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    document = Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "move":
                    {
                        var from = (operation.Str("from") ?? throw ApiException.BadRequest("json patch operation without \"from\""));
                        var value = Get(document, from)?.DeepClone();
                        Remove(document, from);
                        document = Add(document, path, value);
                        break;
                    }

                case "copy":
                    document = Add(document, path, Get(document, (operation.Str("from") ?? throw ApiException.BadRequest("json patch operation without \"from\"")))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), operation["value"]))
                    {
                        throw new ApiException(422, "Invalid", $"the server rejected our request due to an error in our request: test operation failed at {path}");
                    }

                    break;
                default:
                    throw ApiException.BadRequest($"unknown json patch operation \"{op}\"");
            }
        }

        return document;
    }

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static JsonNode? Get(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw Missing(pointer),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            return value ?? throw ApiException.BadRequest("cannot replace the whole document with null");
        }

        var parent = Get(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Missing(pointer);
        }

        return document;
    }

    private static void Remove(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        var parent = Get(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw Missing(pointer);
        }
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static ApiException Missing(string pointer) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: path {pointer} does not exist");
}
