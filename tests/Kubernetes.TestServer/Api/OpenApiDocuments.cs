using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;

namespace Kubernetes.TestServer.Api;

/// <summary>
/// Minimal OpenAPI v3 documents: one per group version, listing each resource's paths and operations with their
/// group-version-kind. kubectl reads them to learn that the server validates fields itself (the
/// <c>fieldValidation</c> query parameter), so it skips client-side schema validation. No schemas are served.
/// </summary>
public static class OpenApiDocuments
{
    public static JsonObject Index(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var groupVersion in registry.All.Select(t => t.GroupVersion).Distinct())
        {
            var key = Key(groupVersion);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Document(registry, groupVersion)!.ToJsonString())))[..32];
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for <c>api/v1</c> or <c>apis/GROUP/VERSION</c>, or null when nothing is served there.</summary>
    public static JsonObject? DocumentForPath(ResourceRegistry registry, string path)
    {
        var groupVersion = path == "api/v1" ? "v1" : path.StartsWith("apis/", StringComparison.Ordinal) ? path["apis/".Length..] : null;
        return groupVersion is null ? null : Document(registry, groupVersion);
    }

    private static JsonObject? Document(ResourceRegistry registry, string groupVersion)
    {
        var types = registry.All.Where(t => t.GroupVersion == groupVersion).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var type in types)
        {
            var prefix = "/" + Key(groupVersion) + (type.Namespaced ? "/namespaces/{namespace}/" : "/") + type.Plural;
            paths[prefix] = new JsonObject
            {
                ["get"] = Operation(type, "list"),
                ["post"] = Operation(type, "post"),
            };
            paths[prefix + "/{name}"] = new JsonObject
            {
                ["get"] = Operation(type, "get"),
                ["put"] = Operation(type, "put"),
                ["patch"] = Operation(type, "patch"),
                ["delete"] = Operation(type, "delete"),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = ServerVersion.GitVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Operation(ResourceType type, string action)
    {
        var parameters = new JsonArray();
        if (action is "post" or "put" or "patch")
        {
            parameters.Add(Query("dryRun"));
            parameters.Add(Query("fieldManager"));
            parameters.Add(Query("fieldValidation"));
        }

        if (action == "patch")
        {
            parameters.Add(new JsonObject { ["name"] = "force", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "boolean", ["uniqueItems"] = true } });
        }

        return new JsonObject
        {
            ["operationId"] = action + type.Kind,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
        };
    }

    private static JsonObject Query(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static string Key(string groupVersion) => groupVersion == "v1" ? "api/v1" : "apis/" + groupVersion;
}
