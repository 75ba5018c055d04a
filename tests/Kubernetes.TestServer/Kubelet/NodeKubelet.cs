using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Networking;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// The node's kubelet: starts a <see cref="PodRuntime"/> for each pod bound to the node, terminates it when the
/// pod is deleted (honouring the grace period), then lets the API server remove the pod. Each pod gets its own
/// loopback address as its pod IP.
/// </summary>
public sealed class NodeKubelet : IPodLogSource, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PodRuntime> _pods = new(StringComparer.Ordinal);
    private readonly List<Task> _terminations = [];
    private readonly ResourceService _service;
    private readonly AddressPool _podIps;
    private readonly ClusterDns _dns;
    private readonly KubeletOptions _options;
    private readonly string _root;
    private readonly PodEvents _events;

    public NodeKubelet(ResourceService service, AddressPool podIps, ClusterDns dns, KubeletOptions options, string root)
    {
        _service = service;
        _podIps = podIps;
        _dns = dns;
        _options = options;
        _root = Directory.CreateDirectory(root).FullName;
        _events = new PodEvents(service);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        // SIGTERM and SIGINT end the process without ProcessExit on some paths: kill the pods first, then let the
        // signal take its default course.
        _signals = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll()), PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillAll())];
    }

    private readonly PosixSignalRegistration[] _signals;

    public Task HandleAsync(WatchItem item)
    {
        if (item.StorageKey != BuiltinResources.Pods.StorageKey)
        {
            return Task.CompletedTask;
        }

        var pod = item.Object!;
        var uid = pod.Uid();
        PodRuntime? runtime;
        lock (_gate)
        {
            _pods.TryGetValue(uid, out runtime);
        }

        if (item.Type == WatchItem.Deleted)
        {
            if (runtime is not null)
            {
                Track(Forget(uid, runtime, TimeSpan.Zero, finish: false));
            }

            return Task.CompletedTask;
        }

        if (pod.At("metadata", "deletionTimestamp") is not null)
        {
            if (runtime is null)
            {
                _service.FinishPodTermination(pod.Namespace()!, pod.Name());
            }
            else if (!runtime.Stopping)
            {
                var grace = TimeSpan.FromSeconds(pod.Long("metadata", "deletionGracePeriodSeconds") ?? 30);
                Track(Forget(uid, runtime, grace, finish: true));
            }

            return Task.CompletedTask;
        }

        if (runtime is null && pod.Str("spec", "nodeName") == PodHooks.NodeName && pod.Str("status", "phase") is not ("Succeeded" or "Failed"))
        {
            Admit(pod);
        }
        else if (runtime is not null && !runtime.Stopping)
        {
            foreach (var container in (pod.At("spec", "containers") as JsonArray ?? []).OfType<JsonObject>())
            {
                var runner = runtime.Containers.FirstOrDefault(c => c.Name == container.Str("name"));
                if (runner is not null && container.Str("image") is { } image && image != runner.Image)
                {
                    runner.ChangeImage(image);
                }
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<PodProcessInfo> Processes()
    {
        lock (_gate)
        {
            return [.. _pods.Values.SelectMany(p => p.InitContainers.Concat(p.Containers).Select(c => new PodProcessInfo(
                p.Pod.Namespace()!, p.Pod.Name(), c.Name, p.PodIp, c.ProcessId, c.State.Kind, c.RestartCount, c.Ready, c.LogPath)))];
        }
    }

    /// <summary>SIGKILLs a container's processes (the first container when none is named); false when none runs.</summary>
    public bool Kill(string ns, string pod, string? container = null) =>
        Find(ns, pod, container) is { } runner && runner.Kill();

    public string? ReadLog(string ns, string pod, string? container, bool previous)
    {
        var runner = Find(ns, pod, container);
        var path = previous ? runner?.PreviousLogPath : runner?.LogPath;
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public bool IsRunning(string ns, string pod, string? container) => Find(ns, pod, container)?.State.Kind == "running";

    public async ValueTask DisposeAsync()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        List<PodRuntime> all;
        lock (_gate)
        {
            all = [.. _pods.Values];
            _pods.Clear();
        }

        await Task.WhenAll(all.Select(p => p.StopAsync(TimeSpan.Zero)));
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _terminations];
        }

        await Task.WhenAll(pending);
    }

    private void Admit(JsonObject pod)
    {
        var ip = _podIps.Allocate();
        var directory = Directory.CreateDirectory(Path.Combine(_root, $"{pod.Namespace()}_{pod.Name()}_{pod.Uid()[..8]}")).FullName;
        var ns = pod.Namespace()!;
        var runtime = new PodRuntime(pod, ip, directory, _service.Store, _options, value => _dns.Rewrite(value, ns), status => WriteStatus(pod, status), _events);
        _events.Record(pod, "Normal", "Scheduled", $"Successfully assigned {ns}/{pod.Name()} to {PodHooks.NodeName}");
        lock (_gate)
        {
            _pods[pod.Uid()] = runtime;
        }

        runtime.Start();
    }

    private void WriteStatus(JsonObject pod, JsonObject status)
    {
        try
        {
            // Guard with the uid: a new pod of the same name must not receive the old one's status.
            _service.Store.Update(BuiltinResources.Pods, pod.Namespace(), pod.Name(), current =>
            {
                if (current.Uid() != pod.Uid())
                {
                    throw ApiException.Conflict("pods", pod.Name());
                }

                current["status"] = status.DeepClone();
                return current;
            });
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // The pod is gone (or replaced): nothing to report to.
        }
    }

    private async Task Forget(string uid, PodRuntime runtime, TimeSpan grace, bool finish)
    {
        await runtime.StopAsync(grace);
        lock (_gate)
        {
            _pods.Remove(uid);
        }

        _podIps.Release(runtime.PodIp);
        if (finish)
        {
            _service.FinishPodTermination(runtime.Pod.Namespace()!, runtime.Pod.Name());
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _terminations.RemoveAll(t => t.IsCompleted);
            _terminations.Add(task);
        }
    }

    private ContainerRunner? Find(string ns, string pod, string? container)
    {
        lock (_gate)
        {
            var runtime = _pods.Values.FirstOrDefault(p => p.Pod.Namespace() == ns && p.Pod.Name() == pod);
            return runtime?.Containers.Concat(runtime.InitContainers).FirstOrDefault(c => container is null || c.Name == container);
        }
    }

    private void KillAll()
    {
        lock (_gate)
        {
            foreach (var pod in _pods.Values)
            {
                pod.KillNow();
            }
        }
    }
}
