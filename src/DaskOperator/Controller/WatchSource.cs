using DaskOperator.Crds;

namespace DaskOperator.Controller;

/// <summary>
/// One resource the controller lists and watches: its collection's path (pods and services only with the cluster
/// label: no others concern us), and which reconcile keys an object of it wakes (children wake their owners).
/// </summary>
internal sealed record WatchSource(string Name, string Path, Func<KubeObject, IEnumerable<ResourceKey>> KeysOf)
{
    private const string Selector = "labelSelector=" + Labels.ClusterName;

    public static IReadOnlyList<WatchSource> All(string? ns) =>
    [
        Custom(ns, "daskclusters", o => [Key(DaskKind.Cluster, o)]),
        Custom(ns, "daskworkergroups", o => o.SpecString("cluster") is { } cluster
            ? [Key(DaskKind.WorkerGroup, o), new ResourceKey(DaskKind.Cluster, o.Metadata.NamespaceProperty ?? "", cluster)]
            : [Key(DaskKind.WorkerGroup, o)]),
        Custom(ns, "daskautoscalers", o => [Key(DaskKind.Autoscaler, o)]),
        Custom(ns, "daskjobs", o => [Key(DaskKind.Job, o)]),
        new("pods", $"api/v1/{Scope(ns)}pods?{Selector}", PodOwners),
        new("services", $"api/v1/{Scope(ns)}services?{Selector}", o => o.Metadata.Labels?.TryGetValue(Labels.ClusterName, out var c) == true
            ? [new ResourceKey(DaskKind.Cluster, o.Metadata.NamespaceProperty ?? "", c)] : []),
    ];

    /// <summary>The list request.</summary>
    public string ListPath => Path;

    /// <summary>The watch request from a list's resourceVersion, with bookmarks so a quiet watch keeps its place.</summary>
    public string WatchPath(string? resourceVersion) =>
        $"{Path}{(Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}watch=true&allowWatchBookmarks=true" +
        (resourceVersion is null ? "" : "&resourceVersion=" + Uri.EscapeDataString(resourceVersion));

    private static string Scope(string? ns) => ns is null ? "" : $"namespaces/{Uri.EscapeDataString(ns)}/";

    private static ResourceKey Key(DaskKind kind, KubeObject o) => new(kind, o.Metadata.NamespaceProperty ?? "", o.Metadata.Name);

    private static WatchSource Custom(string? ns, string plural, Func<KubeObject, IEnumerable<ResourceKey>> keys) =>
        new(plural, $"apis/{DaskApi.Group}/{DaskApi.Version}/{Scope(ns)}{plural}", keys);

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
}
