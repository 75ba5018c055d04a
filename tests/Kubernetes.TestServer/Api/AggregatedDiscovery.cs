using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;

namespace Kubernetes.TestServer.Api;

/// <summary>
/// Aggregated discovery (<c>apidiscovery.k8s.io/v2</c>): every group, version and resource in one answer to
/// <c>/api</c> or <c>/apis</c>, which kubectl asks for first; it saves a request per group version.
/// </summary>
public static class AggregatedDiscovery
{
    public const string ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    /// <summary>True when the client accepts the v2 aggregated form.</summary>
    public static bool IsAccepted(string accept) =>
        accept.Contains("g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", StringComparison.Ordinal);

    /// <summary>The core group for <c>/api</c>, the named groups for <c>/apis</c>.</summary>
    public static JsonObject Document(ResourceRegistry registry, bool core) => new()
    {
        ["kind"] = "APIGroupDiscoveryList",
        ["apiVersion"] = "apidiscovery.k8s.io/v2",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray([.. registry.All
            .Where(t => (t.Group.Length == 0) == core)
            .GroupBy(t => t.Group)
            .Select(g => (JsonNode)new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = g.Key },
                ["versions"] = new JsonArray([.. g.GroupBy(t => t.Version)
                    .OrderByDescending(v => ResourceRegistry.VersionPriority(v.Key))
                    .Select(v => (JsonNode)new JsonObject
                    {
                        ["version"] = v.Key,
                        ["resources"] = new JsonArray([.. v.Select(Resource)]),
                        ["freshness"] = "Current",
                    })]),
            })]),
    };

    private static JsonNode Resource(ResourceType type)
    {
        var subresources = new JsonArray();
        if (type.HasStatus)
        {
            subresources.Add(Subresource("status", Kind(type.Group, type.Version, type.Kind), SubresourceVerbs));
        }

        if (type.Scale is not null)
        {
            subresources.Add(Subresource("scale", Kind("autoscaling", "v1", "Scale"), SubresourceVerbs));
        }

        if (type == BuiltinResources.Pods)
        {
            subresources.Add(Subresource("log", Kind("", "v1", "Pod"), ["get"]));
        }

        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Kind(type.Group, type.Version, type.Kind),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = Strings(AllVerbs),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = Strings(type.ShortNames);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = Strings(type.Categories);
        }

        if (subresources.Count > 0)
        {
            resource["subresources"] = subresources;
        }

        return resource;
    }

    private static JsonObject Subresource(string name, JsonObject kind, IEnumerable<string> verbs) => new()
    {
        ["subresource"] = name,
        ["responseKind"] = kind,
        ["verbs"] = Strings(verbs),
    };

    private static JsonObject Kind(string group, string version, string kind) => new() { ["group"] = group, ["version"] = version, ["kind"] = kind };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
