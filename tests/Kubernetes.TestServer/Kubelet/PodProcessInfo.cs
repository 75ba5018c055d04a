namespace Kubernetes.TestServer.Kubelet;

/// <summary>What tests can see of a container's local process.</summary>
public sealed record PodProcessInfo(string Namespace, string Pod, string Container, string PodIp, int? ProcessId, string State, int RestartCount, bool Ready, string LogPath);
