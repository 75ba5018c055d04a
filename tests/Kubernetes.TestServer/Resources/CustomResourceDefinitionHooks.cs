using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>
/// Validates a CRD and reports it Established at once; <see cref="CustomResourceDefinitions"/> then serves it.
/// Schemas are stored but not enforced (no pruning, defaulting or validation of custom resources).
/// </summary>
public sealed class CustomResourceDefinitionHooks : IObjectHooks
{
    private readonly ResourceRegistry _registry;
    private readonly Func<ResourceService> _service;

    public CustomResourceDefinitionHooks(ResourceRegistry registry, Func<ResourceService> service)
    {
        _registry = registry;
        _service = service;
    }

    public bool AppliesTo(ResourceType type) => type == BuiltinResources.CustomResourceDefinitions;

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        var types = CustomResourceDefinitions.ToResourceTypes(obj);
        obj["status"] = Status(obj, types);
    }

    public void OnUpdate(ResourceType type, JsonObject current, JsonObject proposed)
    {
        if (proposed.Str("spec", "group") != current.Str("spec", "group") || proposed.Str("spec", "names", "plural") != current.Str("spec", "names", "plural"))
        {
            throw ApiException.Invalid("CustomResourceDefinition", proposed.Name(), "spec.group and spec.names.plural are immutable");
        }

        proposed["status"] = Status(proposed, CustomResourceDefinitions.ToResourceTypes(proposed));
    }

    /// <summary>Serves the CRD's resources as soon as it is stored; deleting it deletes its custom resources.</summary>
    public void OnCommitted(ResourceType type, JsonObject obj, bool removed)
    {
        if (!removed)
        {
            _registry.Define(obj.Name(), CustomResourceDefinitions.ToResourceTypes(obj));
            return;
        }

        var served = _registry.All.FirstOrDefault(t => t.DefinedBy == obj.Name());
        if (served is not null)
        {
            var service = _service();
            foreach (var item in service.Store.List(served, null).Items)
            {
                service.ForceRemove(served, item.Namespace(), item.Name());
            }
        }

        _registry.Undefine(obj.Name());
    }

    private static JsonObject Status(JsonObject crd, IReadOnlyList<ResourceType> types)
    {
        var now = Json.Now();
        JsonObject Condition(string kind, string reason, string message) => new()
        {
            ["type"] = kind, ["status"] = "True", ["lastTransitionTime"] = now, ["reason"] = reason, ["message"] = message,
        };
        var storage = (crd.At("spec", "versions") as JsonArray ?? []).FirstOrDefault(v => v?["storage"].IsTrue() == true).Str("name")
            ?? types[0].Version;
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["acceptedNames"] = crd.At("spec", "names")?.DeepClone(),
            ["storedVersions"] = new JsonArray(storage),
        };
    }
}
