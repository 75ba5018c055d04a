namespace DaskOperator.Controller;

/// <summary>One idempotent reconcile per kind: read the observed state of <paramref name="name"/> and converge.</summary>
internal interface IReconciler
{
    DaskKind Kind { get; }
    Task<ReconcileResult> ReconcileAsync(string @namespace, string name, CancellationToken cancellationToken);
}
