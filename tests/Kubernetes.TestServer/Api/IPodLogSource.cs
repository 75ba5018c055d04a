namespace Kubernetes.TestServer.Api;

/// <summary>Where <c>pods/log</c> reads container output from (the kubelet's captured stdout and stderr).</summary>
public interface IPodLogSource
{
    /// <summary>The log text, or null when the pod has no such container or it never started.</summary>
    string? ReadLog(string ns, string pod, string? container, bool previous);

    /// <summary>True while the container's process runs (a followed log ends when it stops).</summary>
    bool IsRunning(string ns, string pod, string? container);
}
