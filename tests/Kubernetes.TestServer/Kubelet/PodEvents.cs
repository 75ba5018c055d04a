using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>Core v1 Events about a pod, as the kubelet records them (shown by <c>kubectl describe pod</c>).</summary>
public sealed class PodEvents
{
    private readonly ResourceService _service;

    public PodEvents(ResourceService service) => _service = service;

    public void Record(JsonObject pod, string type, string reason, string message)
    {
        var now = Json.Now();
        try
        {
            _service.Create(BuiltinResources.Events, pod.Namespace(), new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = $"{pod.Name()}.{Guid.NewGuid():N}"[..Math.Min(253, pod.Name().Length + 17)] },
                ["involvedObject"] = new JsonObject
                {
                    ["kind"] = "Pod", ["apiVersion"] = "v1", ["namespace"] = pod.Namespace(), ["name"] = pod.Name(), ["uid"] = pod.Uid(),
                },
                ["type"] = type,
                ["reason"] = reason,
                ["message"] = message,
                ["source"] = new JsonObject { ["component"] = "kubelet", ["host"] = PodHooks.NodeName },
                ["firstTimestamp"] = now,
                ["lastTimestamp"] = now,
                ["count"] = 1,
                ["reportingComponent"] = "kubelet",
                ["reportingInstance"] = PodHooks.NodeName,
            });
        }
        catch (ApiException e) when (e.Code is 403 or 404)
        {
            // The namespace is going away: nobody will read the event.
        }
    }
}
