using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// Pod defaulting and the single-node scheduler: every new pod is bound to the one node at once (node selectors,
/// affinity, tolerations and resource requests are not checked). Pod specs are immutable apart from the fields a
/// real API server lets change.
/// </summary>
public sealed class PodHooks : IObjectHooks
{
    public const string NodeName = "test-node";

    private static readonly string[] MutableSpecFields = ["activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds", "schedulingGates", "nodeName"];

    public bool AppliesTo(ResourceType type) => type == BuiltinResources.Pods;

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? throw ApiException.Invalid("Pod", obj.Name(), "spec: Required value");
        if (spec["containers"] is not JsonArray { Count: > 0 } containers)
        {
            throw ApiException.Invalid("Pod", obj.Name(), "spec.containers: Required value");
        }

        foreach (var container in containers.OfType<JsonObject>())
        {
            if (string.IsNullOrEmpty(container.Str("name")) || string.IsNullOrEmpty(container.Str("image")))
            {
                throw ApiException.Invalid("Pod", obj.Name(), "spec.containers[].name and spec.containers[].image are required");
            }

            container["imagePullPolicy"] ??= "IfNotPresent";
            container["terminationMessagePolicy"] ??= "File";
            foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }

            foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" }.Select(p => container[p]).OfType<JsonObject>())
            {
                probe["timeoutSeconds"] ??= 1;
                probe["periodSeconds"] ??= 10;
                probe["successThreshold"] ??= 1;
                probe["failureThreshold"] ??= 3;
                if (probe["httpGet"] is JsonObject http)
                {
                    http["scheme"] ??= "HTTP";
                    http["path"] ??= "/";
                }
            }
        }

        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["serviceAccountName"] ??= "default";
        spec["nodeName"] ??= NodeName;
        obj["status"] = new JsonObject
        {
            ["phase"] = "Pending",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = Json.Now() }),
            ["qosClass"] = "BestEffort",
        };
    }

    public void OnUpdate(ResourceType type, JsonObject current, JsonObject proposed)
    {
        if (!Comparable(current).SameAs(Comparable(proposed)))
        {
            throw ApiException.Invalid("Pod", proposed.Name(),
                "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
        }
    }

    private static JsonObject Comparable(JsonObject pod)
    {
        var spec = pod["spec"] is JsonObject s ? s.Clone() : [];
        foreach (var field in MutableSpecFields)
        {
            spec.Remove(field);
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                container.Remove("image");
            }
        }

        return spec;
    }
}
