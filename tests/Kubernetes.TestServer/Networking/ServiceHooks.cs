using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Networking;

/// <summary>Service defaulting: type ClusterIP, a loopback cluster IP, TCP ports whose target port defaults to the port.</summary>
public sealed class ServiceHooks : IObjectHooks
{
    private readonly AddressPool _clusterIps;

    public ServiceHooks(AddressPool clusterIps) => _clusterIps = clusterIps;

    public bool AppliesTo(ResourceType type) => type == BuiltinResources.Services;

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        var spec = obj.Obj("spec");
        spec["type"] ??= "ClusterIP";
        if (string.IsNullOrEmpty(spec.Str("clusterIP")))
        {
            spec["clusterIP"] = _clusterIps.Allocate();
        }

        spec["clusterIPs"] = new JsonArray(spec.Str("clusterIP"));
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        spec["sessionAffinity"] ??= "None";
        spec["internalTrafficPolicy"] ??= "Cluster";
        DefaultPorts(spec);
        obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    public void OnUpdate(ResourceType type, JsonObject current, JsonObject proposed)
    {
        var spec = proposed.Obj("spec");
        var ip = current.Str("spec", "clusterIP");
        if (string.IsNullOrEmpty(spec.Str("clusterIP")))
        {
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = current.At("spec", "clusterIPs")?.DeepClone();
        }
        else if (spec.Str("clusterIP") != ip)
        {
            throw ApiException.Invalid("Service", proposed.Name(), "spec.clusterIPs[0]: Invalid value: field is immutable");
        }

        spec["type"] ??= "ClusterIP";
        DefaultPorts(spec);
    }

    public void OnCommitted(ResourceType type, JsonObject obj, bool removed)
    {
        if (removed && obj.Str("spec", "clusterIP") is { } ip && ip != "None")
        {
            _clusterIps.Release(ip);
        }
    }

    private static void DefaultPorts(JsonObject spec)
    {
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }
}
