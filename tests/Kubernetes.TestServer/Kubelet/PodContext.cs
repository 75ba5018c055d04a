using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>What a container needs from its pod: identity, address, directory, DNS and a way to report changes.</summary>
public sealed record PodContext(JsonObject Pod, string PodIp, string Directory, ObjectStore Store, KubeletOptions Options, Func<string, string> Dns, Action Changed, PodEvents Events)
{
    public string Name => Pod.Name();

    public void Record(string type, string reason, string message) => Events.Record(Pod, type, reason, message);
}
