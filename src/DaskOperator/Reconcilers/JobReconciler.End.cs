using System.Globalization;
using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

internal sealed partial class JobReconciler
{
    private async Task<ReconcileResult> SucceedAsync(DaskJob job, DaskStatus status, CancellationToken ct)
    {
        End(status, "Successful");
        status.Conditions = Conditions.Set(status.Conditions, "Complete", true, "RunnerSucceeded", "The runner finished successfully.");
        await api.DeleteAsync("daskclusters", job.Metadata.NamespaceProperty, job.Metadata.Name, ct).ConfigureAwait(false);
        await events.NormalAsync(job, "JobSucceeded", $"Runner succeeded; deleted DaskCluster {job.Metadata.Name}.", ct).ConfigureAwait(false);
        return await AfterEndAsync(job, status, ct).ConfigureAwait(false);
    }

    /// <summary>The job failed for good: a runner still going is stopped, and the cluster goes unless keepClusterOnFailure.</summary>
    private async Task<ReconcileResult> FailAsync(DaskJob job, DaskStatus status, string reason, string message, CancellationToken ct)
    {
        var ns = job.Metadata.NamespaceProperty;
        End(status, "Failed");
        status.Conditions = Conditions.Set(status.Conditions, "Failed", true, reason, message);
        var runner = await api.GetPodAsync(ns, RunnerName(job.Metadata.Name), ct).ConfigureAwait(false);
        // A finished runner stays, so its logs can be read; one still running (restarting, or past the deadline) is stopped.
        if (runner is not null && !runner.IsFinished())
        {
            await api.DeletePodAsync(ns, runner.Metadata.Name, ct).ConfigureAwait(false);
        }

        if (job.Spec.KeepClusterOnFailure)
        {
            await events.WarningAsync(job, reason, $"{message} Kept DaskCluster {job.Metadata.Name} for debugging (keepClusterOnFailure).", ct)
                .ConfigureAwait(false);
        }
        else
        {
            await api.DeleteAsync("daskclusters", ns, job.Metadata.Name, ct).ConfigureAwait(false);
            await events.WarningAsync(job, reason, $"{message} Deleted DaskCluster {job.Metadata.Name}.", ct).ConfigureAwait(false);
        }
        return await AfterEndAsync(job, status, ct).ConfigureAwait(false);
    }

    /// <summary>A failed runner within backoffLimit: its pod is replaced by a fresh one on the same cluster.</summary>
    private async Task<ReconcileResult> RetryAsync(DaskJob job, DaskStatus status, V1Pod runner, int failures, CancellationToken ct)
    {
        await api.DeletePodAsync(job.Metadata.NamespaceProperty, runner.Metadata.Name, ct).ConfigureAwait(false);
        await events.WarningAsync(job, "RunnerRetried",
            $"The runner failed ({failures} of at most {job.Spec.BackoffLimit} retried failures); starting it again on the same cluster.", ct)
            .ConfigureAwait(false);
        return await WriteAsync(job, status, ReconcileResult.After(Soon), ct).ConfigureAwait(false);
    }

    /// <summary>A finished job: with ttlSecondsAfterFinished, its runner and cluster are deleted once that time has passed.</summary>
    private async Task<ReconcileResult> AfterEndAsync(DaskJob job, DaskStatus status, CancellationToken ct)
    {
        if (job.Spec.TtlSecondsAfterFinished is not { } ttl || !TryParse(status.EndTime, out var end))
        {
            return await WriteAsync(job, status, ReconcileResult.Done, ct).ConfigureAwait(false);
        }
        var left = end.AddSeconds(ttl) - DateTime.UtcNow;
        if (left > TimeSpan.Zero)
        {
            return await WriteAsync(job, status, ReconcileResult.After(left), ct).ConfigureAwait(false);
        }

        var ns = job.Metadata.NamespaceProperty;
        var runner = await api.GetPodAsync(ns, RunnerName(job.Metadata.Name), ct).ConfigureAwait(false);
        var cluster = await api.GetAsync<DaskCluster>("daskclusters", ns, job.Metadata.Name, ct).ConfigureAwait(false);
        if (runner is not null && !runner.IsTerminating())
        {
            await api.DeletePodAsync(ns, runner.Metadata.Name, ct).ConfigureAwait(false);
        }

        if (cluster is not null && cluster.Metadata.DeletionTimestamp is null)
        {
            await api.DeleteAsync("daskclusters", ns, job.Metadata.Name, ct).ConfigureAwait(false);
        }

        var message = $"ttlSecondsAfterFinished {ttl} passed; deleted the runner pod and DaskCluster {job.Metadata.Name}.";
        if (status.Conditions?.Any(c => c.Type == "CleanedUp") != true)
        {
            await events.NormalAsync(job, "TTLExpired", message, ct).ConfigureAwait(false);
        }

        status.Conditions = Conditions.Set(status.Conditions, "CleanedUp", true, "TTLExpired", message);
        return await WriteAsync(job, status, ReconcileResult.Done, ct).ConfigureAwait(false);
    }

    /// <summary>An invalid name (it names the job's cluster too) gets phase Error and one Warning event; nothing is created.</summary>
    private async Task<ReconcileResult> RefuseAsync(DaskJob job, DaskStatus status, string problem, CancellationToken ct)
    {
        status.JobStatus = "Failed";
        status.Phase = "Error";
        status.Conditions = Conditions.Set(status.Conditions, "Failed", true, "InvalidName", problem);
        if (job.Status.SameAs(status))
        {
            return ReconcileResult.Done;
        }

        await events.WarningAsync(job, "InvalidName", problem, ct).ConfigureAwait(false);
        await api.PatchStatusAsync("daskjobs", job.Metadata.NamespaceProperty, job.Metadata.Name, status, ct).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>How long the job has been active past spec.activeDeadlineSeconds, or null while within it.</summary>
    private static TimeSpan? DeadlinePassed(DaskJob job) => UntilDeadline(job) is { } left && left <= TimeSpan.Zero ? Age(job) : null;

    private static TimeSpan? UntilDeadline(DaskJob job) =>
        job.Spec.ActiveDeadlineSeconds is { } deadline ? TimeSpan.FromSeconds(deadline) - Age(job) : null;

    private static TimeSpan Age(DaskJob job) =>
        job.Metadata.CreationTimestamp is { } created ? DateTime.UtcNow - created.ToUniversalTime() : TimeSpan.Zero;

    private static void End(DaskStatus status, string jobStatus)
    {
        status.JobStatus = jobStatus;
        status.StartTime ??= Now();
        status.EndTime = Now();
    }

    private static bool TryParse(string? time, out DateTime value) =>
        DateTime.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
}
