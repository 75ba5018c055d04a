using System.Globalization;
using DaskOperator.Crds;
using DaskOperator.DaskProtocol;
using k8s.Models;

namespace DaskOperator.Client;

public sealed partial class KubeCluster
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private const int CrashLogLines = 10;

    /// <summary>
    /// Waits for <c>status.phase: Running</c> (the operator acted and the scheduler pod runs), then, when
    /// <paramref name="reach"/>, for the scheduler to answer on its Service; a scheduler in CrashLoopBackOff fails at
    /// once, with its last log lines.
    /// </summary>
    private async Task WaitForSchedulerAsync(bool reach, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _resourceTimeout;
        string? phase = null;
        string? podState = null;
        while (true)
        {
            var cluster = await _api.GetAsync<DaskCluster>("daskclusters", Name, ct).ConfigureAwait(false)
                ?? throw new ClusterNotFoundException($"The DaskCluster '{Name}' in namespace '{Namespace}' was deleted while starting.");
            phase = cluster.Status?.Phase;
            var pod = await _api.GetPodAsync(ResourceNames.Scheduler(Name), ct).ConfigureAwait(false);
            podState = pod is null ? null : PodState(pod);
            if (podState == "CrashLoopBackOff")
            {
                throw await CrashLoopAsync(pod!, ct).ConfigureAwait(false);
            }

            if (phase == "Running" && await ReadServiceAsync(ct).ConfigureAwait(false) && (!reach || await SchedulerAnswersAsync(ct).ConfigureAwait(false)))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }
        var waited = _resourceTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        if (phase is null)
        {
            throw new OperatorNotRunningException(
                $"The DaskCluster '{Name}' got no status.phase Running within {waited} s: is the Dask operator running and watching namespace '{Namespace}'?");
        }
        throw new KubeClusterException(phase == "Running"
            ? $"The scheduler of Dask cluster '{Name}' did not answer at {SchedulerAddress} within {waited} s (from outside the Kubernetes network, use kubectl port-forward or ConnectToScheduler = false)."
            : $"The scheduler of Dask cluster '{Name}' is not running after {waited} s (cluster phase {phase}, scheduler pod {podState ?? "missing"}).");
    }

    /// <summary>Takes the scheduler and dashboard addresses from the scheduler's Service; false while it has none.</summary>
    private async Task<bool> ReadServiceAsync(CancellationToken ct)
    {
        var service = await _api.GetServiceAsync(ResourceNames.Scheduler(Name), ct).ConfigureAwait(false);
        if (service?.Spec is null)
        {
            return false;
        }

        var host = service.Status?.LoadBalancer?.Ingress?.FirstOrDefault() is { } ingress ? ingress.Ip ?? ingress.Hostname : service.Spec.ClusterIP;
        var ports = service.Spec.Ports ?? [];
        var comm = ports.FirstOrDefault(p => p.Name == "tcp-comm") ?? ports.FirstOrDefault(p => p.Port == ClusterSpecs.CommPort) ?? ports.FirstOrDefault();
        if (string.IsNullOrEmpty(host) || host == "None" || comm is null)
        {
            return false;
        }

        SchedulerAddress = $"tcp://{host}:{comm.Port}";
        Scheduler = new SchedulerClient(host, comm.Port);
        var dashboard = ports.FirstOrDefault(p => p.Name == "http-dashboard");
        DashboardUri = dashboard is null ? null : new Uri($"http://{host}:{dashboard.Port}/status");
        return true;
    }

    private async Task<bool> SchedulerAnswersAsync(CancellationToken ct)
    {
        try
        {
            await Scheduler.WorkersAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DaskProtocolException)
        {
            return false;
        }
    }

    private async Task<SchedulerCrashLoopException> CrashLoopAsync(V1Pod pod, CancellationToken ct)
    {
        // While it backs off, the container's log is its last run's; the one before is the fallback.
        var log = await TryReadLogAsync(pod.Metadata.Name, previous: false, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(log))
        {
            log = await TryReadLogAsync(pod.Metadata.Name, previous: true, ct).ConfigureAwait(false);
        }

        var lines = (log ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SchedulerCrashLoopException(
            $"The scheduler of Dask cluster '{Name}' is in CrashLoopBackOff; its last log lines:\n  " +
            (lines.Length > 0 ? string.Join("\n  ", lines) : "(none could be read)"), lines);
    }

    private async Task<string?> TryReadLogAsync(string pod, bool previous, CancellationToken ct)
    {
        try
        {
            return await _api.ReadLogAsync(pod, null, previous, CrashLogLines, ct).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            return null;
        }
    }

    /// <summary>The pod's phase, or its container's waiting reason (CrashLoopBackOff, ImagePullBackOff...) when one waits.</summary>
    internal static string PodState(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(c => c.State?.Waiting?.Reason).FirstOrDefault(r => r is not null)
        ?? pod.Status?.Phase ?? "Pending";
}
