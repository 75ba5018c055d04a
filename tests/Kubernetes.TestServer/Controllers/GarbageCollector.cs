using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Controllers;

/// <summary>
/// Owner-reference garbage collection: dependents whose owners are all gone are deleted (background);
/// the <c>orphan</c> and <c>foregroundDeletion</c> finalizers are honoured on the owner.
/// </summary>
public sealed class GarbageCollector
{
    private readonly ResourceService _service;

    public GarbageCollector(ResourceService service) => _service = service;

    public Task HandleAsync(WatchItem item)
    {
        var obj = item.Object!;
        switch (item.Type)
        {
            case WatchItem.Deleted:
                CollectDependentsOf(obj.Uid());
                ReleaseForegroundOwners(obj);
                break;
            case WatchItem.Added when OwnerUids(obj).Count > 0 && OwnerUids(obj).All(uid => _service.Store.GetByUid(uid) is null):
                Delete(item.StorageKey!, obj);
                break;
            default:
                if (obj.At("metadata", "deletionTimestamp") is not null)
                {
                    HandleFinalizers(item.StorageKey!, obj);
                }

                break;
        }

        return Task.CompletedTask;
    }

    private void CollectDependentsOf(string ownerUid)
    {
        foreach (var (key, dependent) in _service.Store.Dependents(ownerUid))
        {
            var others = OwnerUids(dependent).Where(uid => uid != ownerUid && _service.Store.GetByUid(uid) is not null).ToList();
            if (others.Count == 0)
            {
                Delete(key, dependent);
            }
            else
            {
                DropOwner(key, dependent, ownerUid);
            }
        }
    }

    private void HandleFinalizers(string storageKey, JsonObject owner)
    {
        var finalizers = (owner.At("metadata", "finalizers") as JsonArray ?? []).Select(f => f.Text()).ToList();
        var type = _service.Registry.FindByStorageKey(storageKey);
        if (type is null)
        {
            return;
        }

        if (finalizers.Contains(ResourceService.OrphanFinalizer))
        {
            foreach (var (key, dependent) in _service.Store.Dependents(owner.Uid()))
            {
                DropOwner(key, dependent, owner.Uid());
            }

            _service.RemoveFinalizer(type, owner.Namespace(), owner.Name(), ResourceService.OrphanFinalizer);
        }
        else if (finalizers.Contains(ResourceService.ForegroundFinalizer))
        {
            var dependents = _service.Store.Dependents(owner.Uid());
            foreach (var (key, dependent) in dependents.Where(d => d.Object.At("metadata", "deletionTimestamp") is null))
            {
                Delete(key, dependent);
            }

            if (dependents.Count == 0)
            {
                _service.RemoveFinalizer(type, owner.Namespace(), owner.Name(), ResourceService.ForegroundFinalizer);
            }
        }
    }

    /// <summary>A dependent of a foreground deletion went away: the owner may now be free to go.</summary>
    private void ReleaseForegroundOwners(JsonObject dependent)
    {
        foreach (var uid in OwnerUids(dependent))
        {
            var owner = _service.Store.GetByUid(uid);
            if (owner is not null && owner.At("metadata", "deletionTimestamp") is not null
                && _service.Registry.FindByKind(owner.Str("apiVersion") ?? "", owner.Str("kind") ?? "") is { } type)
            {
                HandleFinalizers(type.StorageKey, owner);
            }
        }
    }

    private void Delete(string storageKey, JsonObject obj)
    {
        if (_service.Registry.FindByStorageKey(storageKey) is not { } type)
        {
            return;
        }

        try
        {
            _service.Delete(type, obj.Namespace(), obj.Name(), new DeleteOptions(PropagationPolicy: "Background", PreconditionUid: obj.Uid()));
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone already, or replaced by a new object of the same name that this owner does not own.
        }
    }

    private void DropOwner(string storageKey, JsonObject dependent, string ownerUid)
    {
        if (_service.Registry.FindByStorageKey(storageKey) is not { } type)
        {
            return;
        }

        try
        {
            _service.Patch(type, dependent.Namespace(), dependent.Name(), ResourceService.JsonPatchType,
                new JsonArray(OwnerUids(dependent).Select((uid, index) => (uid, index)).Where(p => p.uid == ownerUid)
                    .Reverse()
                    .Select(p => (JsonNode)new JsonObject { ["op"] = "remove", ["path"] = $"/metadata/ownerReferences/{p.index}" }).ToArray()).ToJsonString());
        }
        catch (ApiException e) when (e.Code is 404 or 422)
        {
            // Gone, or changed meanwhile: its own change event brings it back here.
        }
    }

    private static List<string> OwnerUids(JsonObject obj) =>
        [.. (obj.At("metadata", "ownerReferences") as JsonArray ?? []).Select(r => r.Str("uid") ?? "")];
}
