namespace Kubernetes.TestServer.Resources;

/// <summary>The built-in resources this server serves (a small subset of a real cluster's).</summary>
public static class BuiltinResources
{
    public static readonly ResourceType Namespaces = Core("Namespace", "namespaces", namespaced: false, ["ns"], hasStatus: true);
    public static readonly ResourceType Nodes = Core("Node", "nodes", namespaced: false, ["no"], hasStatus: true);
    public static readonly ResourceType Pods = Core("Pod", "pods", namespaced: true, ["po"], hasStatus: true, ["all"]);
    public static readonly ResourceType Services = Core("Service", "services", namespaced: true, ["svc"], hasStatus: true, ["all"]);
    public static readonly ResourceType Endpoints = Core("Endpoints", "endpoints", namespaced: true, ["ep"]);
    public static readonly ResourceType Events = Core("Event", "events", namespaced: true, ["ev"]);
    public static readonly ResourceType ConfigMaps = Core("ConfigMap", "configmaps", namespaced: true, ["cm"]);
    public static readonly ResourceType Secrets = Core("Secret", "secrets", namespaced: true, []);
    public static readonly ResourceType ServiceAccounts = Core("ServiceAccount", "serviceaccounts", namespaced: true, ["sa"]);

    public static readonly ResourceType Leases = new()
    {
        Group = "coordination.k8s.io", Version = "v1", Kind = "Lease", Plural = "leases", Singular = "lease", Namespaced = true,
    };

    public static readonly ResourceType EndpointSlices = new()
    {
        Group = "discovery.k8s.io", Version = "v1", Kind = "EndpointSlice", Plural = "endpointslices", Singular = "endpointslice", Namespaced = true,
    };

    public static readonly ResourceType CustomResourceDefinitions = new()
    {
        Group = "apiextensions.k8s.io", Version = "v1", Kind = "CustomResourceDefinition", Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition", Namespaced = false, ShortNames = ["crd", "crds"], HasStatus = true,
    };

    public static IReadOnlyList<ResourceType> All { get; } =
        [Namespaces, Nodes, Pods, Services, Endpoints, Events, ConfigMaps, Secrets, ServiceAccounts, Leases, EndpointSlices, CustomResourceDefinitions];

    private static ResourceType Core(string kind, string plural, bool namespaced, IReadOnlyList<string> shortNames, bool hasStatus = false, IReadOnlyList<string>? categories = null) => new()
    {
        Group = "", Version = "v1", Kind = kind, Plural = plural, Singular = kind.ToLowerInvariant(), Namespaced = namespaced,
        ShortNames = shortNames, HasStatus = hasStatus, Categories = categories ?? [],
    };
}
