using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Networking;

/// <summary>
/// Keeps an Endpoints object and an EndpointSlice per selector-based Service: the selected pods' IPs, ready or
/// not, with the service's ports resolved against each pod's named container ports.
/// </summary>
public sealed class EndpointsController
{
    private readonly ResourceService _service;

    public EndpointsController(ResourceService service) => _service = service;

    public Task HandleAsync(WatchItem item)
    {
        var obj = item.Object!;
        if (item.StorageKey == BuiltinResources.Services.StorageKey)
        {
            Sync(obj.Namespace()!, obj.Name());
        }
        else if (item.StorageKey == BuiltinResources.Pods.StorageKey)
        {
            var labels = obj.Labels();
            foreach (var service in _service.Store.List(BuiltinResources.Services, obj.Namespace()).Items
                .Where(s => s.At("spec", "selector") is JsonObject { Count: > 0 } selector && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value.Text())))
            {
                Sync(service.Namespace()!, service.Name());
            }
        }

        return Task.CompletedTask;
    }

    private void Sync(string ns, string name)
    {
        var service = _service.Store.Get(BuiltinResources.Services, ns, name);
        if (service?.At("spec", "selector") is not JsonObject { Count: > 0 } selector || service.At("metadata", "deletionTimestamp") is not null)
        {
            Remove(BuiltinResources.Endpoints, ns, name);
            Remove(BuiltinResources.EndpointSlices, ns, name);
            return;
        }

        var wanted = selector.ToDictionary(kv => kv.Key, kv => kv.Value.Text(), StringComparer.Ordinal);
        var pods = _service.Store.List(BuiltinResources.Pods, ns, p =>
                wanted.All(kv => p.Labels().TryGetValue(kv.Key, out var v) && v == kv.Value)
                && p.Str("status", "podIP") is not null)
            .Items;
        var ports = (service.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>().ToList();
        Upsert(BuiltinResources.Endpoints, ns, name, EndpointsBody(name, pods, ports));
        Upsert(BuiltinResources.EndpointSlices, ns, name, SliceBody(name, pods, ports));
    }

    private static JsonObject EndpointsBody(string name, IReadOnlyList<JsonObject> pods, List<JsonObject> ports)
    {
        var subset = new JsonObject();
        var ready = pods.Where(IsReady).Select(Address).ToArray();
        var notReady = pods.Where(p => !IsReady(p)).Select(Address).ToArray();
        if (ready.Length > 0)
        {
            subset["addresses"] = new JsonArray(ready);
        }

        if (notReady.Length > 0)
        {
            subset["notReadyAddresses"] = new JsonArray(notReady);
        }

        subset["ports"] = new JsonArray([.. ports.Select(p => (JsonNode)Port(p, pods))]);
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name },
            ["subsets"] = pods.Count == 0 ? new JsonArray() : new JsonArray(subset),
        };
    }

    private static JsonObject SliceBody(string name, IReadOnlyList<JsonObject> pods, List<JsonObject> ports) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = name } },
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray([.. pods.Select(p => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(p.Str("status", "podIP")),
            ["conditions"] = new JsonObject
            {
                ["ready"] = IsReady(p),
                ["serving"] = IsReady(p),
                ["terminating"] = p.At("metadata", "deletionTimestamp") is not null,
            },
            ["nodeName"] = p.Str("spec", "nodeName"),
            ["targetRef"] = TargetRef(p),
        })]),
        ["ports"] = new JsonArray([.. ports.Select(p => (JsonNode)Port(p, pods))]),
    };

    private void Upsert(ResourceType type, string ns, string name, JsonObject body)
    {
        var current = _service.Store.Get(type, ns, name);
        try
        {
            if (current is null)
            {
                _service.Create(type, ns, body);
                return;
            }

            var next = current.Clone();
            foreach (var (key, value) in body.Where(kv => kv.Key != "metadata").ToList())
            {
                next[key] = value?.DeepClone();
            }

            next.Metadata()["labels"] = body.At("metadata", "labels")?.DeepClone();
            if (next.Metadata()["labels"] is null)
            {
                next.Metadata().Remove("labels");
            }

            if (!next.SameAs(current))
            {
                _service.Replace(type, ns, name, next);
            }
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Raced with another change: the next event brings this service back here.
        }
    }

    private void Remove(ResourceType type, string ns, string name)
    {
        try
        {
            _service.Delete(type, ns, name);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Nothing to remove.
        }
    }

    private static bool IsReady(JsonObject pod) =>
        pod.At("metadata", "deletionTimestamp") is null
        && (pod.At("status", "conditions") as JsonArray ?? []).Any(c => c.Str("type") == "Ready" && c.Str("status") == "True");

    private static JsonNode Address(JsonObject pod) => new JsonObject
    {
        ["ip"] = pod.Str("status", "podIP"),
        ["nodeName"] = pod.Str("spec", "nodeName"),
        ["targetRef"] = TargetRef(pod),
    };

    private static JsonObject TargetRef(JsonObject pod) => new()
    {
        ["kind"] = "Pod", ["namespace"] = pod.Namespace(), ["name"] = pod.Name(), ["uid"] = pod.Uid(),
    };

    /// <summary>The port endpoints serve: the target port, a named one resolved against the first selected pod.</summary>
    private static JsonObject Port(JsonObject servicePort, IReadOnlyList<JsonObject> pods)
    {
        var target = servicePort["targetPort"].Text();
        var number = int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : pods.SelectMany(p => (p.At("spec", "containers") as JsonArray ?? []).OfType<JsonObject>())
                .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
                .FirstOrDefault(p => p.Str("name") == target)?.Long("containerPort") ?? servicePort.Long("port") ?? 0;
        var port = new JsonObject { ["port"] = number, ["protocol"] = servicePort.Str("protocol") ?? "TCP" };
        if (servicePort.Str("name") is { } name)
        {
            port["name"] = name;
        }

        return port;
    }
}
