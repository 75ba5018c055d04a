using Kubernetes.TestServer.Resources;

namespace Kubernetes.TestServer.Api;

/// <summary>A request for a resource path: <c>/api/v1/namespaces/NS/pods/NAME/status</c> and the like.</summary>
public sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>
    /// Parses what follows <c>/api/v1</c> or <c>/apis/GROUP/VERSION</c>. <c>namespaces/X/pods</c> is a namespaced
    /// collection; <c>namespaces/X</c> (or <c>namespaces/X/status</c>) is the namespace itself.
    /// </summary>
    public static ResourceRequest Parse(ResourceRegistry registry, string group, string version, string[] rest)
    {
        if (rest.Length >= 3 && rest[0] == "namespaces" && registry.Find(group, version, rest[2]) is { Namespaced: true } namespaced)
        {
            return new ResourceRequest(namespaced, rest[1], At(rest, 3), At(rest, 4));
        }

        var type = registry.Find(group, version, rest[0])
            ?? throw new ApiException(404, "NotFound", $"the server could not find the requested resource");
        return rest.Length > 3
            ? throw new ApiException(404, "NotFound", "the server could not find the requested resource")
            : new ResourceRequest(type, null, At(rest, 1), At(rest, 2));
    }

    private static string? At(string[] parts, int index) => index < parts.Length ? Uri.UnescapeDataString(parts[index]) : null;
}
