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

    /// <summary>Annotations passed from a resource to its children, minus tool bookkeeping (kubectl's last-applied).</summary>
    public static Dictionary<string, string> InheritedAnnotations(V1ObjectMeta meta) =>
        (meta.Annotations ?? new Dictionary<string, string>())
            .Where(a => !a.Key.StartsWith("kubectl.kubernetes.io", StringComparison.Ordinal)
                        && !a.Key.StartsWith("kopf.zalando.org", StringComparison.Ordinal)
                        && !a.Key.StartsWith("kubernetes.dask.org/", StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value);
}
