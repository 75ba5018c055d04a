using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace DaskOperator.Crds;

/// <summary>Builds an OpenAPI v3 schema from a C# type, reading the JSON names and our attributes.</summary>
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
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return new V1JSONSchemaProps { Type = "array", Items = ForType(type.GetGenericArguments()[0]) };
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
        return ForObject(type);
    }

    private static V1JSONSchemaProps ForObject(Type type)
    {
        var properties = new Dictionary<string, V1JSONSchemaProps>();
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null || (name is "apiVersion" or "kind" or "metadata" && type.IsSubclassOfDaskObject()))
            {
                continue;
            }

            var schema = ForType(property.PropertyType);
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
