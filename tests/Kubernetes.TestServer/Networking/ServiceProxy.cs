using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Selectors;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Networking;

/// <summary>
/// A tiny kube-proxy: for every TCP port of every Service with a cluster IP, listens on clusterIP:port and
/// forwards each connection to a ready pod that the Service selects (round robin), at the resolved target port.
/// </summary>
public sealed class ServiceProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<PortForwarder>> _services = new(StringComparer.Ordinal);
    private readonly ObjectStore _store;

    public ServiceProxy(ObjectStore store) => _store = store;

    public Task HandleAsync(WatchItem item)
    {
        if (item.StorageKey == BuiltinResources.Pods.StorageKey)
        {
            RefreshListening(item.Object!.Namespace(), item.Object);
            return Task.CompletedTask;
        }

        if (item.StorageKey != BuiltinResources.Services.StorageKey)
        {
            return Task.CompletedTask;
        }

        var service = item.Object!;
        var key = $"{service.Namespace()}/{service.Name()}";
        var ip = service.Str("spec", "clusterIP");
        var ports = (service.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>()
            .Where(p => (p.Str("protocol") ?? "TCP") == "TCP" && p.Long("port") is not null)
            .ToList();
        var wanted = item.Type == WatchItem.Deleted || string.IsNullOrEmpty(ip) || ip == "None"
            ? []
            : ports.Select(p => (Port: (int)p.Long("port")!.Value, Target: p["targetPort"]?.DeepClone() ?? JsonValue.Create(p.Long("port")!.Value))).ToList();
        lock (_gate)
        {
            var existing = _services.GetValueOrDefault(key) ?? [];
            var keep = existing.Where(f => f.Address == ip && wanted.Any(w => w.Port == f.Port && w.Target.Text() == f.Target.Text())).ToList();
            foreach (var stale in existing.Except(keep))
            {
                stale.Dispose();
            }

            foreach (var (port, target) in wanted.Where(w => !keep.Any(f => f.Port == w.Port)))
            {
                keep.Add(new PortForwarder(ip!, port, target, () => PickEndpoint(service.Namespace()!, service.Name(), target)));
            }

            _services[key] = keep;
        }

        RefreshListening(service.Namespace(), null);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Opens the ports of the namespace's services that have a ready endpoint and closes the others; after a pod
    /// change only the services that select that pod are looked at.
    /// </summary>
    private void RefreshListening(string? ns, JsonObject? changedPod)
    {
        List<(string Key, PortForwarder Forwarder)> forwarders;
        lock (_gate)
        {
            forwarders = [.. _services.Where(s => s.Key.StartsWith(ns + "/", StringComparison.Ordinal)).SelectMany(s => s.Value.Select(f => (s.Key, f)))];
        }

        foreach (var (key, forwarder) in forwarders)
        {
            var name = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            if (changedPod is not null && !Selects(ns!, name, changedPod))
            {
                continue;
            }

            try
            {
                forwarder.SetListening(PickEndpoint(ns!, name, forwarder.Target) is not null);
            }
            catch (SocketException)
            {
                // The address and port are taken on this machine: the service stays unreachable, as a broken proxy would.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var forwarder in _services.Values.SelectMany(f => f))
            {
                forwarder.Dispose();
            }

            _services.Clear();
        }

        return ValueTask.CompletedTask;
    }

    private int _roundRobin;

    private bool Selects(string ns, string name, JsonObject pod) =>
        _store.Get(BuiltinResources.Services, ns, name)?.At("spec", "selector") is JsonObject selector
        && selector.Count > 0
        && selector.All(kv => pod.Labels().TryGetValue(kv.Key, out var value) && value == kv.Value.Text());

    /// <summary>A ready, selected pod's address and target port, read fresh for each connection.</summary>
    private IPEndPoint? PickEndpoint(string ns, string name, JsonNode target)
    {
        var service = _store.Get(BuiltinResources.Services, ns, name);
        if (service?.At("spec", "selector") is not JsonObject selectorMap || selectorMap.Count == 0)
        {
            return null;
        }

        var selector = LabelSelector.FromMap(selectorMap.ToDictionary(kv => kv.Key, kv => kv.Value.Text(), StringComparer.Ordinal));
        var ready = _store.List(BuiltinResources.Pods, ns, pod => selector.Matches(pod.Labels())
                && pod.At("metadata", "deletionTimestamp") is null
                && pod.Str("status", "podIP") is not null
                && (pod.At("status", "conditions") as JsonArray ?? []).Any(c => c.Str("type") == "Ready" && c.Str("status") == "True"))
            .Items;
        if (ready.Count == 0)
        {
            return null;
        }

        var pod = ready[(int)((uint)Interlocked.Increment(ref _roundRobin) % ready.Count)];
        var port = TargetPort(pod, target);
        return port is null ? null : new IPEndPoint(IPAddress.Parse(pod.Str("status", "podIP")!), port.Value);
    }

    private static int? TargetPort(JsonObject pod, JsonNode target)
    {
        var text = target.Text();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return (int?)(pod.At("spec", "containers") as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
            .FirstOrDefault(p => p.Str("name") == text)?.Long("containerPort");
    }
}
