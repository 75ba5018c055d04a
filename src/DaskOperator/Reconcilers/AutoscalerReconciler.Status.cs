using DaskOperator.Controller;
using DaskOperator.Crds;

namespace DaskOperator.Reconcilers;

internal sealed partial class AutoscalerReconciler
{
    /// <summary>Active: scaling. Waiting: a cluster, group or scheduler is not there yet. Error: the spec cannot work as written.</summary>
    private enum Health { Active, Waiting, Error }

    private async Task<ReconcileResult> ReportAsync(DaskAutoscaler scaler, Health health, string reason, string message, CancellationToken ct,
        TimeSpan? next = null)
    {
        var status = KubeApi.Clone(scaler.Status ?? new DaskStatus());
        status.ObservedGeneration = scaler.Metadata.Generation;
        status.Phase = health switch { Health.Active => "Running", Health.Waiting => "Pending", _ => "Error" };
        status.Conditions = Conditions.Set(status.Conditions, "Active", health == Health.Active, reason, message);
        if (!scaler.Status.SameAs(status))
        {
            // One Warning per new problem, not one per look.
            if (health == Health.Error && scaler.Status?.Conditions?.FirstOrDefault(c => c.Type == "Active")?.Reason != reason)
            {
                await events.WarningAsync(scaler, reason, message, ct).ConfigureAwait(false);
            }
            await api.PatchStatusAsync("daskautoscalers", scaler.Metadata.NamespaceProperty, scaler.Metadata.Name, status, ct).ConfigureAwait(false);
        }
        return ReconcileResult.After(next is { } n && n > TimeSpan.Zero ? n : Interval);
    }
}
