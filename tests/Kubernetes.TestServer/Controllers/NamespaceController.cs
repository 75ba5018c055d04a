using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Controllers;

/// <summary>Empties a namespace that is being deleted, then removes it.</summary>
public sealed class NamespaceController
{
    private readonly ResourceService _service;

    public NamespaceController(ResourceService service) => _service = service;

    public Task HandleAsync(WatchItem item)
    {
        var obj = item.Object!;
        var ns = item.StorageKey == BuiltinResources.Namespaces.StorageKey ? obj.Name() : obj.Namespace();
        if (ns is null || item.Type == WatchItem.Deleted && item.StorageKey == BuiltinResources.Namespaces.StorageKey)
        {
            return Task.CompletedTask;
        }

        var namespaceObject = _service.Store.Get(BuiltinResources.Namespaces, null, ns);
        if (namespaceObject?.At("metadata", "deletionTimestamp") is null)
        {
            return Task.CompletedTask;
        }

        var remaining = 0;
        foreach (var type in _service.Registry.All.Where(t => t.Namespaced).DistinctBy(t => t.StorageKey))
        {
            foreach (var content in _service.Store.List(type, ns).Items)
            {
                remaining++;
                if (content.At("metadata", "deletionTimestamp") is null)
                {
                    try
                    {
                        if (_service.Delete(type, ns, content.Name()).Removed)
                        {
                            remaining--;
                        }
                    }
                    catch (ApiException e) when (e.Code == 404)
                    {
                        remaining--;
                    }
                }
            }
        }

        if (remaining == 0)
        {
            _service.ForceRemove(BuiltinResources.Namespaces, null, ns);
        }

        return Task.CompletedTask;
    }
}
