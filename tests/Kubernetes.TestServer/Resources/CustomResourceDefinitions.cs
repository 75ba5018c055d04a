using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>Turns an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition into the resource types it serves.</summary>
public static class CustomResourceDefinitions
{
    public static IReadOnlyList<ResourceType> ToResourceTypes(JsonObject crd)
    {
        var name = crd.Name();
        var group = crd.Str("spec", "group");
        var plural = crd.Str("spec", "names", "plural");
        var kind = crd.Str("spec", "names", "kind");
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(plural) || string.IsNullOrEmpty(kind))
        {
            throw ApiException.Invalid("CustomResourceDefinition", name, "spec.group, spec.names.plural and spec.names.kind are required");
        }

        if (name != $"{plural}.{group}")
        {
            throw ApiException.Invalid("CustomResourceDefinition", name, $"metadata.name: Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group");
        }

        var scope = crd.Str("spec", "scope") ?? "Namespaced";
        var versions = (crd.At("spec", "versions") as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0 || versions.Count(v => v["storage"].IsTrue()) != 1)
        {
            throw ApiException.Invalid("CustomResourceDefinition", name, "spec.versions: Invalid value: must have exactly one version marked as storage version");
        }

        return [.. versions.Where(v => !v["served"].IsFalse()).Select(v => new ResourceType
        {
            Group = group,
            Version = v.Str("name") ?? throw ApiException.Invalid("CustomResourceDefinition", name, "spec.versions[].name: Required value"),
            Kind = kind,
            Plural = plural,
            Singular = crd.Str("spec", "names", "singular") ?? kind.ToLowerInvariant(),
            Namespaced = scope == "Namespaced",
            ShortNames = Strings(crd.At("spec", "names", "shortNames")),
            Categories = Strings(crd.At("spec", "names", "categories")),
            HasStatus = v.At("subresources", "status") is JsonObject,
            Scale = v.At("subresources", "scale") is JsonObject scale
                ? new ScaleSubresource(scale.Str("specReplicasPath") ?? ".spec.replicas", scale.Str("statusReplicasPath") ?? ".status.replicas", scale.Str("labelSelectorPath"))
                : null,
            Columns = [.. (v["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
                c.Str("name") ?? "", c.Str("type") ?? "string", c.Str("jsonPath") ?? "", c.Str("description") ?? "", (int)(c.Long("priority") ?? 0), c.Str("format") ?? ""))],
            IsCustom = true,
            Schema = v.At("schema", "openAPIV3Schema")?.DeepClone() as JsonObject,
            DefinedBy = name,
        })];
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n.Text())] : [];
}
