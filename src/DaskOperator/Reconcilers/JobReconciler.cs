using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// DaskJob → a DaskCluster named like the job and a runner pod <c>&lt;job&gt;-runner</c>, both owned by the job.
/// jobStatus follows dask-kubernetes: JobCreated, ClusterCreated, Running, Successful or Failed; when the runner
/// finishes, the cluster is deleted.
/// </summary>
internal sealed class JobReconciler(KubeApi api, EventRecorder events) : IReconciler
{
    public DaskKind Kind => DaskKind.Job;

    public async Task<ReconcileResult> ReconcileAsync(string ns, string name, CancellationToken ct)
    {
        var job = await api.GetAsync<DaskJob>("daskjobs", ns, name, ct).ConfigureAwait(false);
        if (job is null || job.Metadata.DeletionTimestamp is not null) return ReconcileResult.Done;
        var status = KubeApi.Clone(job.Status ?? new DaskStatus());
        status.ObservedGeneration = job.Metadata.Generation;
        status.ClusterName = name;
        status.JobRunnerPodName = $"{name}-runner";
        if (status.JobStatus is "Successful" or "Failed") return await WriteAsync(job, status, ReconcileResult.Done, ct).ConfigureAwait(false);

        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, name, ct).ConfigureAwait(false);
        if (cluster is null)
        {
            cluster = new DaskCluster
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = ns,
                    Labels = new Dictionary<string, string>(job.Spec.Cluster.Metadata?.Labels ?? new Dictionary<string, string>()) { [Labels.ClusterName] = name },
                    Annotations = job.Spec.Cluster.Metadata?.Annotations,
                    OwnerReferences = [Ownership.ReferenceTo(job)],
                },
                Spec = KubeApi.Clone(job.Spec.Cluster.Spec),
            };
            await api.CreateAsync("daskclusters", ns, cluster, ct).ConfigureAwait(false);
            await events.NormalAsync(job, "ClusterCreated", $"Created DaskCluster {name}.", ct).ConfigureAwait(false);
            status.JobStatus = "ClusterCreated";
            return await WriteAsync(job, status, ReconcileResult.After(TimeSpan.FromSeconds(2)), ct).ConfigureAwait(false);
        }

        var runner = await api.GetPodAsync(ns, $"{name}-runner", ct).ConfigureAwait(false);
        if (runner is null)
        {
            // The runner starts once its scheduler is ready and has a service, so its first connection finds it.
            var service = await api.GetServiceAsync(ns, PodTemplates.SchedulerName(name), ct).ConfigureAwait(false);
            var scheduler = await api.GetPodAsync(ns, PodTemplates.SchedulerName(name), ct).ConfigureAwait(false);
            if (service is null || scheduler?.IsReady() != true)
            {
                status.JobStatus = "ClusterCreated";
                return await WriteAsync(job, status, ReconcileResult.After(TimeSpan.FromSeconds(1)), ct).ConfigureAwait(false);
            }
            runner = await api.CreatePodAsync(ns, PodTemplates.JobRunnerPod(job, PodTemplates.CommPort(service.Spec)), ct).ConfigureAwait(false);
            await events.NormalAsync(job, "RunnerCreated", $"Created runner pod {runner.Metadata.Name}.", ct).ConfigureAwait(false);
        }
        switch (runner.Status?.Phase)
        {
            case "Running":
                status.JobStatus = "Running";
                status.StartTime ??= Now();
                break;
            case "Succeeded" or "Failed":
                status.JobStatus = runner.Status.Phase == "Succeeded" ? "Successful" : "Failed";
                status.StartTime ??= Now();
                status.EndTime = Now();
                await api.DeleteAsync("daskclusters", ns, name, ct).ConfigureAwait(false);
                await events.NormalAsync(job, "JobFinished", $"Runner {runner.Status.Phase}; deleted DaskCluster {name}.", ct).ConfigureAwait(false);
                return await WriteAsync(job, status, ReconcileResult.Done, ct).ConfigureAwait(false);
            default:
                status.JobStatus ??= "JobCreated";
                break;
        }
        return await WriteAsync(job, status, ReconcileResult.After(TimeSpan.FromSeconds(30)), ct).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> WriteAsync(DaskJob job, DaskStatus status, ReconcileResult result, CancellationToken ct)
    {
        status.Phase = status.JobStatus;
        if (!job.Status.SameAs(status))
        {
            await api.PatchStatusAsync("daskjobs", job.Metadata.NamespaceProperty, job.Metadata.Name, status, ct).ConfigureAwait(false);
        }
        return result;
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
