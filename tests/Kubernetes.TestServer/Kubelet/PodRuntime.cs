using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// One pod on the node: runs its init containers in order, then its containers side by side, reports status as
/// containers change, and stops them gracefully (SIGTERM, then SIGKILL after the grace period).
/// </summary>
public sealed partial class PodRuntime
{
    private readonly Lock _statusGate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<JsonObject> _writeStatus;
    private readonly PodEvents _events;
    private readonly string _startTime = Json.Now();
    private Task _run = Task.CompletedTask;

    public PodRuntime(JsonObject pod, string podIp, string directory, ObjectStore store, KubeletOptions options, Func<string, string> dns, Action<JsonObject> writeStatus, PodEvents events)
    {
        Pod = pod;
        PodIp = podIp;
        _writeStatus = writeStatus;
        var context = new PodContext(pod, podIp, directory, store, options, dns, Changed, events);
        _events = events;
        InitContainers = [.. (pod.At("spec", "initContainers") as JsonArray ?? []).OfType<JsonObject>().Select(c => new ContainerRunner(c, isInit: true, context))];
        Containers = [.. (pod.At("spec", "containers") as JsonArray ?? []).OfType<JsonObject>().Select(c => new ContainerRunner(c, isInit: false, context))];
    }

    public JsonObject Pod { get; }

    public string PodIp { get; }

    public IReadOnlyList<ContainerRunner> InitContainers { get; }

    public IReadOnlyList<ContainerRunner> Containers { get; }

    public bool Stopping => _stopping.IsCancellationRequested;

    private string RestartPolicy => Pod.Str("spec", "restartPolicy") ?? "Always";

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>Stops every container: SIGTERM, up to <paramref name="grace"/> to exit, then SIGKILL.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await _stopping.CancelAsync();
        var all = InitContainers.Concat(Containers).ToList();
        foreach (var container in all.Where(c => c.State.Kind == "running"))
        {
            _events.Record(Pod, "Normal", "Killing", $"Stopping container {container.Name}");
        }

        foreach (var container in all)
        {
            if (grace > TimeSpan.Zero)
            {
                container.Terminate();
            }
            else
            {
                container.Kill();
            }
        }

        var exited = await Task.WhenAll(all.Select(c => c.WaitForExitAsync(grace)));
        if (exited.Any(e => !e))
        {
            foreach (var container in all)
            {
                container.Kill();
            }

            await Task.WhenAll(all.Select(c => c.WaitForExitAsync(TimeSpan.FromSeconds(10))));
        }

        await _run;
    }

    /// <summary>SIGKILLs everything at once without waiting and prevents restarts (the test process is exiting).</summary>
    public void KillNow()
    {
        _stopping.Cancel();
        foreach (var container in InitContainers.Concat(Containers))
        {
            container.Kill();
        }
    }

    private async Task RunAsync()
    {
        Changed();
        foreach (var init in InitContainers)
        {
            // Init containers restart on failure unless the pod never restarts anything.
            await init.RunAsync(RestartPolicy == "Never" ? "Never" : "OnFailure", _stopping.Token);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (!init.Finished || init.State.ExitCode != 0)
            {
                Changed();
                return;
            }
        }

        await Task.WhenAll(Containers.Select(c => c.RunAsync(RestartPolicy, _stopping.Token)));
        Changed();
    }

    private void Changed()
    {
        lock (_statusGate)
        {
            _writeStatus(BuildStatus());
        }
    }
}
