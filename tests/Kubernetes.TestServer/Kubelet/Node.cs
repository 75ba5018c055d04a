using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>The one Node object, Ready, with this machine's core count as its capacity.</summary>
public static class Node
{
    public static JsonObject Describe(string name)
    {
        var capacity = new JsonObject
        {
            ["cpu"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["memory"] = "16Gi",
            ["pods"] = "1000",
        };
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = name, ["kubernetes.io/os"] = "linux", ["kubernetes.io/arch"] = "amd64" },
            },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["capacity"] = capacity,
                ["allocatable"] = capacity.DeepClone(),
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady", ["message"] = "kubelet is posting ready status" }),
                ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = "127.0.0.1" }, new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = ServerVersion.GitVersion, ["operatingSystem"] = "linux", ["architecture"] = "amd64" },
            },
        };
    }
}
