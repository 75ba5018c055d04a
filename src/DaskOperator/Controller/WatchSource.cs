using DaskOperator.Crds;
using k8s;
using k8s.Models;

// The typed WatchAsync<T, L> is marked obsolete in KubernetesClient 21, but its replacements give custom
// objects only as untyped JSON; we want one typed KubeObject stream for every resource.
#pragma warning disable CS0618

namespace DaskOperator.Controller;

/// <summary>
/// One resource the controller lists and watches: how to list it, how to watch from a resourceVersion, and
/// which reconcile keys an object of it wakes (children wake their owners).
/// </summary>
internal sealed record WatchSource(
    string Name,
    Func<CancellationToken, Task<KubeObjectList>> ListAsync,
    Func<string, CancellationToken, IAsyncEnumerable<(WatchEventType, KubeObject)>> Watch,
    Func<KubeObject, IEnumerable<ResourceKey>> KeysOf)
{
    /// <summary>Only pods and services carrying the cluster label concern us.</summary>
    private const string Selector = Labels.ClusterName;

    public static IReadOnlyList<WatchSource> All(IKubernetes client, string? ns) =>
    [
        Custom(client, ns, "daskclusters", o => [Key(DaskKind.Cluster, o)]),
        Custom(client, ns, "daskworkergroups", o => o.SpecString("cluster") is { } cluster
            ? [Key(DaskKind.WorkerGroup, o), new ResourceKey(DaskKind.Cluster, o.Metadata.NamespaceProperty ?? "", cluster)]
            : [Key(DaskKind.WorkerGroup, o)]),
        Custom(client, ns, "daskautoscalers", o => [Key(DaskKind.Autoscaler, o)]),
        Custom(client, ns, "daskjobs", o => [Key(DaskKind.Job, o)]),
        Pods(client, ns),
        Services(client, ns),
    ];

    private static ResourceKey Key(DaskKind kind, KubeObject o) => new(kind, o.Metadata.NamespaceProperty ?? "", o.Metadata.Name);

    private static WatchSource Custom(IKubernetes client, string? ns, string plural, Func<KubeObject, IEnumerable<ResourceKey>> keys) => new(
        plural,
        async ct => ns is null
            ? await client.CustomObjects.ListClusterCustomObjectAsync<KubeObjectList>(DaskApi.Group, DaskApi.Version, plural, cancellationToken: ct).ConfigureAwait(false)
            : await client.CustomObjects.ListNamespacedCustomObjectAsync<KubeObjectList>(DaskApi.Group, DaskApi.Version, ns, plural, cancellationToken: ct).ConfigureAwait(false),
        (rv, ct) => ns is null
            ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync(DaskApi.Group, DaskApi.Version, plural,
                watch: true, resourceVersion: rv, allowWatchBookmarks: true, cancellationToken: ct).WatchAsync<KubeObject, object>(cancellationToken: ct)
            : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(DaskApi.Group, DaskApi.Version, ns, plural,
                watch: true, resourceVersion: rv, allowWatchBookmarks: true, cancellationToken: ct).WatchAsync<KubeObject, object>(cancellationToken: ct),
        keys);

    private static WatchSource Pods(IKubernetes client, string? ns) => new(
        "pods",
        async ct => ToList(ns is null
            ? await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: Selector, cancellationToken: ct).ConfigureAwait(false)
            : await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: Selector, cancellationToken: ct).ConfigureAwait(false)),
        (rv, ct) => ns is null
            ? client.CoreV1.ListPodForAllNamespacesWithHttpMessagesAsync(labelSelector: Selector, watch: true, resourceVersion: rv,
                allowWatchBookmarks: true, cancellationToken: ct).WatchAsync<KubeObject, V1PodList>(cancellationToken: ct)
            : client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(ns, labelSelector: Selector, watch: true, resourceVersion: rv,
                allowWatchBookmarks: true, cancellationToken: ct).WatchAsync<KubeObject, V1PodList>(cancellationToken: ct),
        PodOwners);

    private static WatchSource Services(IKubernetes client, string? ns) => new(
        "services",
        async ct => ToList(ns is null
            ? await client.CoreV1.ListServiceForAllNamespacesAsync(labelSelector: Selector, cancellationToken: ct).ConfigureAwait(false)
            : await client.CoreV1.ListNamespacedServiceAsync(ns, labelSelector: Selector, cancellationToken: ct).ConfigureAwait(false)),
        (rv, ct) => ns is null
            ? client.CoreV1.ListServiceForAllNamespacesWithHttpMessagesAsync(labelSelector: Selector, watch: true, resourceVersion: rv,
                allowWatchBookmarks: true, cancellationToken: ct).WatchAsync<KubeObject, V1ServiceList>(cancellationToken: ct)
            : client.CoreV1.ListNamespacedServiceWithHttpMessagesAsync(ns, labelSelector: Selector, watch: true, resourceVersion: rv,
                allowWatchBookmarks: true, cancellationToken: ct).WatchAsync<KubeObject, V1ServiceList>(cancellationToken: ct),
        o => o.Metadata.Labels?.TryGetValue(Labels.ClusterName, out var c) == true
            ? [new ResourceKey(DaskKind.Cluster, o.Metadata.NamespaceProperty ?? "", c)] : []);

    private static IEnumerable<ResourceKey> PodOwners(KubeObject pod)
    {
        var ns = pod.Metadata.NamespaceProperty ?? "";
        var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
        labels.TryGetValue(Labels.Component, out var component);
        if (component == Labels.Worker && labels.TryGetValue(Labels.WorkerGroupName, out var group))
        {
            yield return new ResourceKey(DaskKind.WorkerGroup, ns, group);
        }
        if (component == Labels.Scheduler && labels.TryGetValue(Labels.ClusterName, out var cluster))
        {
            yield return new ResourceKey(DaskKind.Cluster, ns, cluster);
        }
        foreach (var owner in pod.Metadata.OwnerReferences ?? [])
        {
            if (owner.Kind == "DaskJob")
            {
                yield return new ResourceKey(DaskKind.Job, ns, owner.Name);
            }
        }
    }

    private static KubeObjectList ToList(V1PodList list) => new()
    {
        Metadata = list.Metadata,
        Items = list.Items.Select(p => new KubeObject { Kind = "Pod", Metadata = p.Metadata }).ToList(),
    };

    private static KubeObjectList ToList(V1ServiceList list) => new()
    {
        Metadata = list.Metadata,
        Items = list.Items.Select(s => new KubeObject { Kind = "Service", Metadata = s.Metadata }).ToList(),
    };
}
