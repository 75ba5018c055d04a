using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Resources;

/// <summary>Per-kind defaulting and validation that runs inside a write, like an admission plug-in.</summary>
public interface IObjectHooks
{
    /// <summary>True when these hooks handle objects of <paramref name="type"/>.</summary>
    bool AppliesTo(ResourceType type);

    /// <summary>Defaults and validates a new object; throw an <see cref="Api.ApiException"/> to refuse it.</summary>
    void OnCreate(ResourceType type, JsonObject obj);

    /// <summary>Validates a change to an existing object; <paramref name="proposed"/> may be adjusted.</summary>
    void OnUpdate(ResourceType type, JsonObject current, JsonObject proposed);

    /// <summary>Runs after a write was stored (outside the store's lock); <paramref name="removed"/> when the object is gone.</summary>
    void OnCommitted(ResourceType type, JsonObject obj, bool removed)
    {
    }
}
