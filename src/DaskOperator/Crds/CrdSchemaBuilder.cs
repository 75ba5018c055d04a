using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>
/// Builds an OpenAPI v3 schema from a C# type, reading its JSON names and shapes from the source-generated JSON
/// metadata (<see cref="DaskJson"/>, no reflection over members, so it works compiled ahead of time) and our attributes.
/// </summary>
internal static class CrdSchemaBuilder
{
    public static V1JSONSchemaProps ForType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int32" };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (type == typeof(Dictionary<string, string>))
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = new V1JSONSchemaProps { Type = "string" } };
        }
        var info = DaskJson.Options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            return new V1JSONSchemaProps { Type = "array", Items = ForType(info.ElementType!) };
        }
        // Embedded Kubernetes types (PodSpec, ServiceSpec) are validated by the API server when the
        // operator creates the pod or service; here they keep every field the user wrote.
        if (type.Namespace == typeof(V1PodSpec).Namespace)
        {
            return new V1JSONSchemaProps
            {
                Type = "object",
                Description = $"A Kubernetes {type.Name[2..]}.",
                XKubernetesPreserveUnknownFields = true,
            };
        }
        return ForObject(type, info);
    }

    private static V1JSONSchemaProps ForObject(Type type, JsonTypeInfo info)
    {
        var properties = new Dictionary<string, V1JSONSchemaProps>();
        var required = new List<string>();
        foreach (var json in info.Properties)
        {
            var name = json.Name;
            if (name is "apiVersion" or "kind" or "metadata" && type.IsSubclassOfDaskObject())
            {
                continue;
            }

            var property = json.AttributeProvider as MemberInfo
                ?? throw new InvalidOperationException($"{type.Name}.{name}: the JSON metadata names no member.");

            var schema = ForType(json.PropertyType);
            schema.Description ??= property.GetCustomAttribute<DescriptionAttribute>()?.Text;
            schema.DefaultProperty = property.GetCustomAttribute<DefaultValueAttribute>()?.Value;
            schema.Minimum = property.GetCustomAttribute<MinimumAttribute>()?.Value;
            schema.Maximum = property.GetCustomAttribute<MaximumAttribute>()?.Value;
            var embeddedDefaults = property.GetCustomAttributes<EmbeddedDefaultAttribute>().ToList();
            if (embeddedDefaults.Count > 0)
            {
                schema.Properties = embeddedDefaults.ToDictionary(d => d.Field, d => new V1JSONSchemaProps { Type = "string", DefaultProperty = d.Value });
            }
            properties[name] = schema;
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }
        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Text,
            Properties = properties,
            Required = required.Count > 0 ? required : null,
        };
    }

    private static bool IsSubclassOfDaskObject(this Type type) =>
        type.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(DaskObject<>);
}
