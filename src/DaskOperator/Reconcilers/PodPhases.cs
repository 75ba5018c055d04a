using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>How the reconcilers read a pod's lifecycle.</summary>
internal static class PodPhases
{
    public static bool IsTerminating(this V1Pod pod) => pod.Metadata.DeletionTimestamp is not null;
    public static bool IsFinished(this V1Pod pod) => pod.Status?.Phase is "Failed" or "Succeeded";
    public static bool IsRunning(this V1Pod pod) => pod.Status?.Phase == "Running";
    /// <summary>Running and passing its readiness probe (if it has one): for a scheduler, accepting connections.</summary>
    public static bool IsReady(this V1Pod pod) =>
        pod.IsRunning() && pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") != false;
    /// <summary>Never started: holds no data, so it can be removed without asking the scheduler.</summary>
    public static bool IsPending(this V1Pod pod) => pod.Status?.Phase is null or "Pending" or "Unknown";
    public static string? SpecHashOf(this V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(Controller.Labels.SpecHash, out var h) == true ? h : null;
}
