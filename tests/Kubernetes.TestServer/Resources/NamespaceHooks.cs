using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>Namespaces start Active and carry the standard name label.</summary>
public sealed class NamespaceHooks : IObjectHooks
{
    public bool AppliesTo(ResourceType type) => type == BuiltinResources.Namespaces;

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        obj.Metadata().Obj("labels")["kubernetes.io/metadata.name"] = obj.Name();
        obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
        obj["status"] = new JsonObject { ["phase"] = "Active" };
    }

    public void OnUpdate(ResourceType type, JsonObject current, JsonObject proposed)
    {
    }
}
