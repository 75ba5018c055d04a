using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// DaskJob → a DaskCluster named like the job and a runner pod <c>&lt;job&gt;-runner</c>, both owned by the job.
/// jobStatus walks as in dask-kubernetes: JobCreated, ClusterCreated, Running, then Successful or Failed, when the
/// cluster is deleted. Additive: failed runners are retried up to spec.backoffLimit, spec.activeDeadlineSeconds
/// ends a job that runs too long, spec.keepClusterOnFailure keeps a failed job's cluster, and
/// spec.ttlSecondsAfterFinished removes the runner and cluster after the end.
/// </summary>
internal sealed partial class JobReconciler(KubeApi api, EventRecorder events) : IReconciler
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(30);

    public DaskKind Kind => DaskKind.Job;

    public async Task<ReconcileResult> ReconcileAsync(string ns, string name, CancellationToken ct)
    {
        var job = await api.GetAsync<DaskJob>("daskjobs", ns, name, ct).ConfigureAwait(false);
        if (job is null || job.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var status = KubeApi.Clone(job.Status ?? new DaskStatus());
        status.ObservedGeneration = job.Metadata.Generation;
        if (ClusterNames.Problem("DaskJob", name) is { } problem)
        {
            return await RefuseAsync(job, status, problem, ct).ConfigureAwait(false);
        }

        if (status.JobStatus is "Successful" or "Failed")
        {
            return await AfterEndAsync(job, status, ct).ConfigureAwait(false);
        }

        if (status.JobStatus is null)
        {
            // Written on its own first, so that every step of the walk is seen by watchers.
            status.JobStatus = "JobCreated";
            return await WriteAsync(job, status, ReconcileResult.After(TimeSpan.Zero), ct).ConfigureAwait(false);
        }
        if (DeadlinePassed(job) is { } overdue)
        {
            return await FailAsync(job, status, "DeadlineExceeded",
                $"The job was still running {overdue.TotalSeconds:0}s after its creation, past activeDeadlineSeconds {job.Spec.ActiveDeadlineSeconds}.", ct)
                .ConfigureAwait(false);
        }

        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, name, ct).ConfigureAwait(false);
        if (cluster is null)
        {
            await api.CreateAsync("daskclusters", ns, ClusterFor(job), ct).ConfigureAwait(false);
            await events.NormalAsync(job, "ClusterCreated", $"Created DaskCluster {name}.", ct).ConfigureAwait(false);
            status.JobStatus = "ClusterCreated";
            status.ClusterName = name;
            status.JobRunnerPodName = RunnerName(name);
            return await WriteAsync(job, status, ReconcileResult.After(Soon), ct).ConfigureAwait(false);
        }

        var runner = await api.GetPodAsync(ns, RunnerName(name), ct).ConfigureAwait(false);
        if (runner is null)
        {
            // The runner starts once its scheduler is ready and has a service, so its first connection finds it.
            var service = await api.GetServiceAsync(ns, PodTemplates.SchedulerName(name), ct).ConfigureAwait(false);
            var scheduler = await api.GetPodAsync(ns, PodTemplates.SchedulerName(name), ct).ConfigureAwait(false);
            if (service is null || scheduler?.IsReady() != true)
            {
                return await WriteAsync(job, status, ReconcileResult.After(Soon), ct).ConfigureAwait(false);
            }

            runner = await api.CreatePodAsync(ns, PodTemplates.JobRunnerPod(job, PodTemplates.CommPort(service.Spec), status.Failed ?? 0), ct)
                .ConfigureAwait(false);
            await events.NormalAsync(job, "RunnerCreated", $"Created runner pod {runner.Metadata.Name}.", ct).ConfigureAwait(false);
        }
        if (runner.IsTerminating())
        {
            return await WriteAsync(job, status, ReconcileResult.After(Soon), ct).ConfigureAwait(false);
        }

        var failures = RunnerFailures.Of(runner);
        if (failures > (status.Failed ?? 0))
        {
            status.Failed = failures;
        }

        if (runner.Status?.Phase == "Succeeded")
        {
            return await SucceedAsync(job, status, ct).ConfigureAwait(false);
        }

        if (failures > job.Spec.BackoffLimit)
        {
            return await FailAsync(job, status, "BackoffLimitExceeded",
                $"The runner failed {failures} time(s), more than backoffLimit {job.Spec.BackoffLimit}.", ct).ConfigureAwait(false);
        }
        if (runner.Status?.Phase == "Failed")
        {
            return await RetryAsync(job, status, runner, failures, ct).ConfigureAwait(false);
        }

        if (runner.Status?.Phase == "Running")
        {
            status.JobStatus = "Running";
            status.StartTime ??= Now();
        }
        return await WriteAsync(job, status, ReconcileResult.After(UntilDeadline(job) is { } left && left < Resync ? left : Resync), ct)
            .ConfigureAwait(false);
    }

    private static string RunnerName(string job) => $"{job}-runner";

    /// <summary>The job's cluster: the job's labels and inherited annotations, then spec.cluster.metadata's, as dask-kubernetes makes it.</summary>
    private static DaskCluster ClusterFor(DaskJob job) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = job.Metadata.Name,
            NamespaceProperty = job.Metadata.NamespaceProperty,
            Labels = Ownership.ChildLabels(job.Metadata, job.Spec.Cluster.Metadata, new() { [Labels.ClusterName] = job.Metadata.Name }),
            Annotations = Ownership.ChildAnnotations(job.Metadata, job.Spec.Cluster.Metadata),
            OwnerReferences = [Ownership.ReferenceTo(job)],
        },
        Spec = KubeApi.Clone(job.Spec.Cluster.Spec),
    };

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
