using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Tables;

/// <summary>kubectl's familiar columns for the built-in kinds (after the Name column).</summary>
public static class BuiltinTables
{
    public static IReadOnlyList<PrinterColumn>? Columns(ResourceType type) => type.Plural switch
    {
        "pods" => [Col("Ready"), Col("Status"), Col("Restarts", "integer"), Col("Age"), Col("IP", priority: 1), Col("Node", priority: 1)],
        "services" => [Col("Type"), Col("Cluster-IP"), Col("External-IP"), Col("Port(s)"), Col("Age"), Col("Selector", priority: 1)],
        "namespaces" => [Col("Status"), Col("Age")],
        "nodes" => [Col("Status"), Col("Roles"), Col("Age"), Col("Version")],
        "configmaps" => [Col("Data", "integer"), Col("Age")],
        "secrets" => [Col("Type"), Col("Data", "integer"), Col("Age")],
        "leases" => [Col("Holder"), Col("Age")],
        "events" => [Col("Last Seen"), Col("Type"), Col("Reason"), Col("Object"), Col("Message")],
        "endpoints" => [Col("Endpoints"), Col("Age")],
        "customresourcedefinitions" => [Col("Created At")],
        _ => null,
    };

    public static IEnumerable<JsonNode?>? Cells(ResourceType type, JsonObject o)
    {
        var age = HumanDuration.Since(o.Str("metadata", "creationTimestamp"));
        return type.Plural switch
        {
            "pods" => PodCells(o, age),
            "services" => [o.Str("spec", "type") ?? "ClusterIP", o.Str("spec", "clusterIP") ?? "<none>", "<none>", Ports(o), age, Selector(o)],
            "namespaces" => [o.Str("status", "phase") ?? "Active", age],
            "nodes" => ["Ready", "<none>", age, o.Str("status", "nodeInfo", "kubeletVersion") ?? ""],
            "configmaps" => [Count(o["data"]) + Count(o["binaryData"]), age],
            "secrets" => [o.Str("type") ?? "Opaque", Count(o["data"]), age],
            "leases" => [o.Str("spec", "holderIdentity") ?? "", age],
            "events" => [HumanDuration.Since(o.Str("lastTimestamp") ?? o.Str("eventTime") ?? o.Str("metadata", "creationTimestamp")), o.Str("type") ?? "", o.Str("reason") ?? "",
                $"{o.Str("involvedObject", "kind")?.ToLowerInvariant()}/{o.Str("involvedObject", "name")}", o.Str("message") ?? ""],
            "endpoints" => [Endpoints(o), age],
            "customresourcedefinitions" => [o.Str("metadata", "creationTimestamp") ?? ""],
            _ => null,
        };
    }

    private static IEnumerable<JsonNode?> PodCells(JsonObject pod, string age)
    {
        var statuses = (pod.At("status", "containerStatuses") as JsonArray ?? []).OfType<JsonObject>().ToList();
        var containers = (pod.At("spec", "containers") as JsonArray ?? []).Count;
        var ready = statuses.Count(s => s["ready"].IsTrue());
        var restarts = statuses.Sum(s => s.Long("restartCount") ?? 0);
        return [Invariant($"{ready}/{containers}"), PodStatus(pod, statuses), restarts, age, pod.Str("status", "podIP") ?? "<none>", pod.Str("spec", "nodeName") ?? "<none>"];
    }

    /// <summary>The STATUS column: a waiting or terminated reason wins over the phase, Terminating over all.</summary>
    private static string PodStatus(JsonObject pod, List<JsonObject> statuses)
    {
        if (pod.At("metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }

        var reason = pod.Str("status", "reason") ?? pod.Str("status", "phase") ?? "Pending";
        foreach (var status in statuses)
        {
            if (status.Str("state", "waiting", "reason") is { } waiting)
            {
                reason = waiting;
            }
            else if (status.At("state", "terminated") is JsonObject terminated)
            {
                reason = terminated.Str("reason") ?? (terminated.Long("exitCode") == 0 ? "Completed" : "Error");
            }
        }

        return reason;
    }

    private static string Ports(JsonObject service)
    {
        var ports = (service.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => Invariant($"{p.Long("port")}/{p.Str("protocol") ?? "TCP"}")).ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    private static string Selector(JsonObject service) =>
        service.At("spec", "selector") is JsonObject selector && selector.Count > 0
            ? string.Join(",", selector.Select(kv => $"{kv.Key}={kv.Value.Text()}"))
            : "<none>";

    private static string Endpoints(JsonObject endpoints)
    {
        var addresses = (endpoints["subsets"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(s => (s["addresses"] as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(a => (s["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => Invariant($"{a.Str("ip")}:{p.Long("port")}"))))
            .ToList();
        return addresses.Count == 0 ? "<none>" : string.Join(",", addresses);
    }

    private static int Count(JsonNode? map) => map is JsonObject o ? o.Count : 0;

    private static PrinterColumn Col(string name, string type = "string", int priority = 0) => new(name, type, "", "", priority);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
