using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Resources;

/// <summary>Deletion: preconditions, finalizers, propagation policy (as GC finalizers) and graceful pod termination.</summary>
public sealed partial class ResourceService
{
    public const string OrphanFinalizer = "orphan";
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Deletes an object, or marks it for deletion. Returns the object and whether it is gone already.</summary>
    public (JsonObject Object, bool Removed) Delete(ResourceType type, string? ns, string name, DeleteOptions? options = null)
    {
        options ??= DeleteOptions.Default;
        var removeNow = false;
        var marked = Store.Update(type, ns, name, current =>
        {
            if (!string.IsNullOrEmpty(options.PreconditionUid) && options.PreconditionUid != current.Uid())
            {
                throw new ApiException(409, "Conflict", $"Precondition failed: UID in precondition: {options.PreconditionUid}, UID in object meta: {current.Uid()}", name, type.Plural, type.Group);
            }

            if (!string.IsNullOrEmpty(options.PreconditionResourceVersion) && options.PreconditionResourceVersion != current.Str("metadata", "resourceVersion"))
            {
                throw new ApiException(409, "Conflict", $"Precondition failed: ResourceVersion in precondition: {options.PreconditionResourceVersion}, ResourceVersion in meta: {current.Str("metadata", "resourceVersion")}", name, type.Plural, type.Group);
            }

            var metadata = current.Metadata();
            var finalizers = metadata["finalizers"] as JsonArray ?? [];
            var grace = GracePeriod(type, current, options);
            if (type == BuiltinResources.Namespaces)
            {
                Namespaces.CheckDeletable(name);
                current["status"] = new JsonObject { ["phase"] = "Terminating" };
                AddFinalizer(finalizers, Namespaces.ContentFinalizer);
            }

            if (metadata["deletionTimestamp"] is not null)
            {
                // A second delete can only shorten a pod's grace period (kubectl delete --force --grace-period=0).
                if (type == BuiltinResources.Pods && grace == 0)
                {
                    metadata["deletionGracePeriodSeconds"] = 0;
                    removeNow = finalizers.Count == 0;
                }

                return current;
            }

            var policy = options.PropagationPolicy ?? "Background";
            if (policy == "Orphan")
            {
                AddFinalizer(finalizers, OrphanFinalizer);
            }
            else if (policy == "Foreground" && Store.Dependents(current.Uid()).Count > 0)
            {
                AddFinalizer(finalizers, ForegroundFinalizer);
            }

            if (finalizers.Count == 0 && grace == 0)
            {
                removeNow = true;
                return current;
            }

            metadata["finalizers"] = finalizers.DeepClone();
            metadata["deletionTimestamp"] = Json.Timestamp(DateTimeOffset.UtcNow.AddSeconds(grace));
            metadata["deletionGracePeriodSeconds"] = grace;
            return current;
        });
        if (options.DryRun)
        {
            return (marked, false);
        }

        return removeNow ? (Committed(type, Store.Remove(type, ns, name), removed: true), true) : (Committed(type, marked, removed: false), false);
    }

    /// <summary>Removes an object outright, whatever holds it (namespace and CRD clean-up).</summary>
    public void ForceRemove(ResourceType type, string? ns, string name)
    {
        try
        {
            Committed(type, Store.Remove(type, ns, name), removed: true);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    /// <summary>The kubelet's last word on a pod it has stopped: remove it unless finalizers still hold it.</summary>
    public void FinishPodTermination(string ns, string name)
    {
        try
        {
            Delete(BuiltinResources.Pods, ns, name, new DeleteOptions(GracePeriodSeconds: 0));
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone: someone force-deleted it meanwhile.
        }
    }

    public void RemoveFinalizer(ResourceType type, string? ns, string name, string finalizer) =>
        Write(type, ns, name, WriteOptions.Default, current =>
        {
            if (current.At("metadata", "finalizers") is JsonArray finalizers)
            {
                foreach (var item in finalizers.Where(f => f.Text() == finalizer).ToList())
                {
                    finalizers.Remove(item);
                }
            }

            return current;
        });

    private static long GracePeriod(ResourceType type, JsonObject current, DeleteOptions options)
    {
        if (type != BuiltinResources.Pods)
        {
            return 0;
        }

        if (options.GracePeriodSeconds is { } requested)
        {
            return Math.Max(0, requested);
        }

        // A pod the kubelet never started, or one that has finished, has nothing to stop.
        var phase = current.Str("status", "phase");
        if (current.Str("spec", "nodeName") is null || phase is "Succeeded" or "Failed")
        {
            return 0;
        }

        return current.Long("spec", "terminationGracePeriodSeconds") ?? 30;
    }

    private static void AddFinalizer(JsonArray finalizers, string finalizer)
    {
        if (!finalizers.Any(f => f.Text() == finalizer))
        {
            finalizers.Add(finalizer);
        }
    }
}
