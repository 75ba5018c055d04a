using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>
/// What a real API server does with a CRD's <c>openAPIV3Schema</c> on every write: fills in defaults, drops
/// fields the schema does not know (unless <c>x-kubernetes-preserve-unknown-fields</c>) — or refuses them under
/// <c>fieldValidation=Strict</c>, kubectl's default — and checks types, required fields, enums and bounds.
/// </summary>
public static class StructuralSchema
{
    public static void Apply(ResourceType type, JsonObject obj, bool strict)
    {
        if (type.Schema is not { } schema)
        {
            return;
        }

        var unknown = new List<string>();
        var invalid = new List<(string Field, string Message)>();
        Walk(obj, schema, "", unknown, invalid, isRoot: true);
        if (strict && unknown.Count > 0)
        {
            throw ApiException.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: "
                + string.Join(", ", unknown.Select(u => $"unknown field \"{u}\"")));
        }

        if (invalid.Count > 0)
        {
            throw ApiException.Invalid(type.Kind, obj.Name(), invalid);
        }
    }

    private static void Walk(JsonNode? node, JsonObject schema, string path, List<string> unknown, List<(string Field, string Message)> invalid, bool isRoot = false)
    {
        if (node is null)
        {
            return;
        }

        CheckType(node, schema, path, invalid);
        if (node is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            var additional = schema["additionalProperties"];
            var preserve = schema["x-kubernetes-preserve-unknown-fields"].IsTrue();
            var embedded = isRoot || schema["x-kubernetes-embedded-resource"].IsTrue();
            foreach (var (name, fieldSchema) in properties ?? [])
            {
                if (!obj.ContainsKey(name) && fieldSchema?["default"] is { } value)
                {
                    obj[name] = value.DeepClone();
                }
            }

            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r.Text()))
            {
                if (!obj.ContainsKey(required))
                {
                    invalid.Add((Join(path, required), "Required value"));
                }
            }

            foreach (var (name, child) in obj.ToList())
            {
                if (embedded && name is "apiVersion" or "kind" or "metadata")
                {
                    continue;
                }

                if (properties?[name] is JsonObject childSchema)
                {
                    Walk(child, childSchema, Join(path, name), unknown, invalid);
                }
                else if (additional is JsonObject mapSchema)
                {
                    Walk(child, mapSchema, Join(path, name), unknown, invalid);
                }
                else if (!preserve && !additional.IsTrue() && (properties is not null || additional is not null || schema["type"].Text() == "object"))
                {
                    unknown.Add(Join(path, name));
                    obj.Remove(name);
                }
            }
        }
        else if (node is JsonArray array && schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], itemSchema, $"{path}[{i}]", unknown, invalid);
            }
        }
    }

    private static void CheckType(JsonNode node, JsonObject schema, string path, List<(string Field, string Message)> invalid)
    {
        var expected = schema["type"].Text();
        if (schema["x-kubernetes-int-or-string"].IsTrue() || expected.Length == 0)
        {
            return;
        }

        var kind = node.GetValueKind();
        var matches = expected switch
        {
            "object" => kind == System.Text.Json.JsonValueKind.Object,
            "array" => kind == System.Text.Json.JsonValueKind.Array,
            "string" => kind == System.Text.Json.JsonValueKind.String,
            "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            "integer" => kind == System.Text.Json.JsonValueKind.Number && IsInteger(node),
            "number" => kind == System.Text.Json.JsonValueKind.Number,
            _ => true,
        };
        if (!matches)
        {
            invalid.Add((path, $"Invalid value: \"{kind.ToString().ToLowerInvariant()}\": {path} in body must be of type {expected}: \"{kind.ToString().ToLowerInvariant()}\""));
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, node)))
        {
            invalid.Add((path, $"Unsupported value: {node.ToJsonString()}: supported values: {string.Join(", ", values.Select(v => v!.ToJsonString()))}"));
        }

        if (kind == System.Text.Json.JsonValueKind.Number)
        {
            var number = node.Number() ?? 0;
            if (schema["minimum"] is JsonValue min && number < (min.Number() ?? double.MinValue))
            {
                invalid.Add((path, $"Invalid value: {node.ToJsonString()}: {path} in body should be greater than or equal to {min.ToJsonString()}"));
            }

            if (schema["maximum"] is JsonValue max && number > (max.Number() ?? double.MaxValue))
            {
                invalid.Add((path, $"Invalid value: {node.ToJsonString()}: {path} in body should be less than or equal to {max.ToJsonString()}"));
            }
        }
    }

    private static bool IsInteger(JsonNode node) => node.Number() is { } d && Math.Abs(d % 1) < double.Epsilon;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
