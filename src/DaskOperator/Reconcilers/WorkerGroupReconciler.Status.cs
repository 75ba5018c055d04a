using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

internal sealed partial class WorkerGroupReconciler
{
    private async Task WriteStatusAsync(DaskWorkerGroup group, List<V1Pod> pods, List<DaskCondition> conditions, CancellationToken ct)
    {
        var ready = pods.Count(p => p.IsRunning());
        var status = KubeApi.Clone(group.Status ?? new DaskStatus());
        status.Replicas = pods.Count;
        status.ReadyReplicas = ready;
        status.ObservedGeneration = group.Metadata.Generation;
        status.Phase = pods.Count == group.Spec.Worker.Replicas && ready == pods.Count ? "Running" : "Pending";
        status.Conditions = conditions;
        if (!group.Status.SameAs(status))
        {
            await api.PatchStatusAsync("daskworkergroups", group.Metadata.NamespaceProperty, group.Metadata.Name, status, ct).ConfigureAwait(false);
        }
    }
}
