using DaskOperator.Crds;
using k8s;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>Owner references: deleting an owner lets the garbage collector delete what it owns.</summary>
internal static class Ownership
{
    public static V1OwnerReference ReferenceTo(IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    public static bool IsOwnedBy(V1ObjectMeta meta, IKubernetesObject<V1ObjectMeta> owner) =>
        meta.OwnerReferences?.Any(o => o.Uid == owner.Metadata.Uid) == true;

    /// <summary>
    /// Annotations passed from a resource to its children (as dask-kubernetes does), minus tool bookkeeping:
    /// kubectl's last-applied configuration, kopf's handler state and our own kubernetes.dask.org/ marks.
    /// </summary>
    public static Dictionary<string, string> InheritedAnnotations(V1ObjectMeta meta) =>
        (meta.Annotations ?? new Dictionary<string, string>())
            .Where(a => !a.Key.StartsWith("kubectl.kubernetes.io", StringComparison.Ordinal)
                        && !a.Key.StartsWith("kopf.zalando.org", StringComparison.Ordinal)
                        && !a.Key.StartsWith("kubernetes.dask.org/", StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value);

    /// <summary>Labels passed from a resource to its children: all of them, as dask-kubernetes does.</summary>
    public static Dictionary<string, string> InheritedLabels(V1ObjectMeta meta) => new(meta.Labels ?? new Dictionary<string, string>());

    /// <summary>A child's labels: the owner's, then the template's sub-metadata, then the fixed ones (which always win).</summary>
    public static Dictionary<string, string> ChildLabels(V1ObjectMeta owner, SimpleObjectMeta? template, Dictionary<string, string> fixedLabels)
    {
        var labels = InheritedLabels(owner);
        foreach (var (k, v) in template?.Labels ?? new Dictionary<string, string>())
        {
            labels[k] = v;
        }

        foreach (var (k, v) in fixedLabels)
        {
            labels[k] = v;
        }

        return labels;
    }

    /// <summary>A child's annotations: the owner's inherited ones, then the template's sub-metadata.</summary>
    public static Dictionary<string, string> ChildAnnotations(V1ObjectMeta owner, SimpleObjectMeta? template)
    {
        var annotations = InheritedAnnotations(owner);
        foreach (var (k, v) in template?.Annotations ?? new Dictionary<string, string>())
        {
            annotations[k] = v;
        }

        return annotations;
    }
}
