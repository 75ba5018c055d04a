using Kubernetes.TestServer.Api;

namespace Kubernetes.TestServer.Resources;

/// <summary>The namespaces every cluster starts with, and the rule that they cannot be deleted.</summary>
public static class Namespaces
{
    /// <summary>Holds a deleted namespace until the namespace controller has emptied it.</summary>
    public const string ContentFinalizer = "kubernetes";

    public static IReadOnlyList<string> Initial { get; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void CheckDeletable(string name)
    {
        if (Initial.Contains(name))
        {
            throw new ApiException(403, "Forbidden", $"namespaces \"{name}\" is forbidden: this namespace may not be deleted", name, "namespaces");
        }
    }
}
