using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>The pod status the kubelet reports: phase, conditions, addresses and container statuses.</summary>
public sealed partial class PodRuntime
{
    private readonly Dictionary<string, (string Status, string Since)> _conditions = new(StringComparer.Ordinal);

    private JsonObject BuildStatus()
    {
        var phase = Phase();
        var initialized = InitContainers.All(c => c.Finished && c.State.ExitCode == 0);
        var ready = phase == "Running" && Containers.All(c => c.Ready);
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", true),
                Condition("Initialized", initialized),
                Condition("Ready", ready),
                Condition("ContainersReady", ready),
                Condition("PodScheduled", true)),
            ["hostIP"] = "127.0.0.1",
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = "127.0.0.1" }),
            ["podIP"] = PodIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = PodIp }),
            ["startTime"] = _startTime,
            ["qosClass"] = "BestEffort",
        };
        if (InitContainers.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray([.. InitContainers.Select(c => (JsonNode)ContainerStatus(c))]);
        }

        status["containerStatuses"] = new JsonArray([.. Containers.Select(c => (JsonNode)ContainerStatus(c))]);
        return status;
    }

    /// <summary>Pending until a container has started; Succeeded or Failed once all have finished for good.</summary>
    private string Phase()
    {
        if (InitContainers.Any(c => c.Finished && c.State.ExitCode != 0))
        {
            return "Failed";
        }

        if (Containers.All(c => c.Finished))
        {
            return Containers.All(c => c.State.ExitCode == 0) ? "Succeeded" : "Failed";
        }

        return Containers.Any(c => c.Started) ? "Running" : "Pending";
    }

    private JsonObject Condition(string type, bool value)
    {
        var text = value ? "True" : "False";
        if (!_conditions.TryGetValue(type, out var known) || known.Status != text)
        {
            known = (text, Json.Now());
            _conditions[type] = known;
        }

        return new JsonObject { ["type"] = type, ["status"] = text, ["lastTransitionTime"] = known.Since };
    }

    private static JsonObject ContainerStatus(ContainerRunner container)
    {
        var status = new JsonObject
        {
            ["name"] = container.Name,
            ["state"] = container.State.ToJson(),
            ["lastState"] = container.LastState?.ToJson() ?? new JsonObject(),
            ["ready"] = container.Ready,
            ["restartCount"] = container.RestartCount,
            ["image"] = container.Image,
            ["imageID"] = "",
            ["started"] = container.State.Kind == "running",
        };
        if (container.ProcessId is { } pid)
        {
            status["containerID"] = $"process://{pid}";
        }

        return status;
    }
}
