namespace DaskOperator.Controller;

/// <summary>The kinds the operator reconciles.</summary>
internal enum DaskKind { Cluster, WorkerGroup, Autoscaler, Job }

/// <summary>What a reconcile receives: only which object, never what changed (level-triggered).</summary>
internal sealed record ResourceKey(DaskKind Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
