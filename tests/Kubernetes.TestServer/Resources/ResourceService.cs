using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>
/// API semantics on top of the store: defaulting, optimistic concurrency, status subresources, generation,
/// graceful deletion with finalizers. The REST handlers and the server's own controllers both write through it.
/// </summary>
public sealed partial class ResourceService
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public ResourceService(ObjectStore store, ResourceRegistry registry, IReadOnlyList<IObjectHooks> hooks)
    {
        Store = store;
        Registry = registry;
        Hooks = hooks;
    }

    public ObjectStore Store { get; }

    public ResourceRegistry Registry { get; }

    private IReadOnlyList<IObjectHooks> Hooks { get; }

    public JsonObject Get(ResourceType type, string? ns, string name) =>
        Store.Get(type, ns, name) ?? throw ApiException.NotFound(type.Plural, name, type.Group);

    public JsonObject Create(ResourceType type, string? ns, JsonObject body, WriteOptions? options = null) => Create(type, ns, body, options, applied: null);

    /// <summary>A create; <paramref name="applied"/> is the configuration when a server-side apply creates the object.</summary>
    private JsonObject Create(ResourceType type, string? ns, JsonObject body, WriteOptions? options, JsonObject? applied)
    {
        options ??= WriteOptions.Default;
        CheckKind(type, body);
        var obj = body.Clone();
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var metadata = obj.Metadata();
        var name = metadata.Str("name");
        if (string.IsNullOrEmpty(name))
        {
            var prefix = metadata.Str("generateName");
            if (string.IsNullOrEmpty(prefix))
            {
                throw ApiException.Invalid(type.Kind, "", "metadata.name: Required value: name or generateName is required");
            }

            name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(NameAlphabet.Length)]));
            metadata["name"] = name;
        }

        if (!NameRegex().IsMatch(name) || name.Length > 253)
        {
            throw ApiException.Invalid(type.Kind, name, $"metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }

        if (type.Namespaced)
        {
            var bodyNamespace = metadata.Str("namespace");
            if (bodyNamespace is not null && ns is not null && bodyNamespace != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            ns = ns ?? bodyNamespace ?? "default";
            metadata["namespace"] = ns;
            CheckNamespaceOpen(ns);
        }
        else
        {
            metadata.Remove("namespace");
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Json.Now();
        metadata["generation"] = 1;
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (type.HasStatus && type.IsCustom)
        {
            obj.Remove("status");
        }

        StructuralSchema.Apply(type, obj, options.StrictFields);
        foreach (var hook in Hooks.Where(h => h.AppliesTo(type)))
        {
            hook.OnCreate(type, obj);
        }

        ManagedFields.OnCreate(type, obj, options.FieldManager, applied);

        if (options.DryRun)
        {
            return obj;
        }

        return Committed(type, Store.Create(type, obj), removed: false);
    }

    private JsonObject Committed(ResourceType type, JsonObject obj, bool removed)
    {
        foreach (var hook in Hooks.Where(h => h.AppliesTo(type)))
        {
            hook.OnCommitted(type, obj, removed);
        }

        return obj;
    }

    private void CheckNamespaceOpen(string ns)
    {
        var namespaceObject = Store.Get(BuiltinResources.Namespaces, null, ns) ?? throw ApiException.NotFound("namespaces", ns);
        if (namespaceObject.At("metadata", "deletionTimestamp") is not null)
        {
            throw new ApiException(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated", ns, "namespaces");
        }
    }

    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var kind = body.Str("kind");
        var apiVersion = body.Str("apiVersion");
        if ((kind is not null && kind != type.Kind) || (apiVersion is not null && apiVersion != type.ApiVersion))
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NameRegex();
}
