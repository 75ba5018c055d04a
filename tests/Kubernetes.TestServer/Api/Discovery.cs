using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;

namespace Kubernetes.TestServer.Api;

/// <summary>
/// Legacy (unaggregated) discovery documents: kubectl falls back to these when the server answers plain JSON
/// to its aggregated-discovery Accept header.
/// </summary>
public static class Discovery
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    public static JsonObject Versions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject Groups(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.Groups().Select(g => (JsonNode)Group(g.Group, g.Versions))]),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var found = registry.Groups().FirstOrDefault(g => g.Group == group);
        return found.Group is null ? null : Group(found.Group, found.Versions);
    }

    public static JsonObject? Resources(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            resources.Add(Resource(type.Plural, type, AllVerbs, withNames: true));
            if (type.HasStatus)
            {
                resources.Add(Resource($"{type.Plural}/status", type, SubresourceVerbs, withNames: false));
            }

            if (type.Scale is not null)
            {
                var scale = Resource($"{type.Plural}/scale", type, SubresourceVerbs, withNames: false);
                scale["group"] = "autoscaling";
                scale["version"] = "v1";
                scale["kind"] = "Scale";
                resources.Add(scale);
            }

            if (type == BuiltinResources.Pods)
            {
                resources.Add(Resource("pods/log", type, ["get"], withNames: false));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].GroupVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject Group(string group, IReadOnlyList<string> versions) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = group,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)GroupVersion(group, v))]),
        ["preferredVersion"] = GroupVersion(group, versions[0]),
    };

    private static JsonObject GroupVersion(string group, string version) => new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };

    private static JsonObject Resource(string name, ResourceType type, string[] verbs, bool withNames)
    {
        var resource = new JsonObject
        {
            ["name"] = name,
            ["singularName"] = withNames ? type.Singular : "",
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
        };
        if (withNames && type.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
        }

        if (withNames && type.Categories.Count > 0)
        {
            resource["categories"] = new JsonArray([.. type.Categories.Select(s => (JsonNode)s)]);
        }

        return resource;
    }
}
