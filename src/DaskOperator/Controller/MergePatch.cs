using System.Text.Json.Nodes;
using DaskOperator.Crds;

namespace DaskOperator.Controller;

/// <summary>
/// JSON merge patches built as nodes (no anonymous objects: their serialization needs reflection). A null member is
/// left out, never written as null, which in a merge patch would delete the field.
/// </summary>
internal static class MergePatch
{
    public static JsonObject Object(params (string Key, JsonNode? Value)[] members)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in members)
        {
            if (value is not null)
            {
                patch[key] = value;
            }
        }
        return patch;
    }

    /// <summary>Any value the JSON contexts know, as a node; null stays null (and is then left out).</summary>
    public static JsonNode? Value<T>(T? value) => value is null ? null : DaskJson.ToNode(value);

    /// <summary><c>{"metadata": {...}}</c>: the usual shape of our patches.</summary>
    public static JsonObject Metadata(params (string Key, JsonNode? Value)[] members) => Object(("metadata", Object(members)));
}
