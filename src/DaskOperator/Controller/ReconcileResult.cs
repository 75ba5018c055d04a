namespace DaskOperator.Controller;

/// <summary>A reconcile's answer: done, or look again after a while (periodic work is a requeue, never a timer).</summary>
internal readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    public static ReconcileResult Done => new(null);
    public static ReconcileResult After(TimeSpan delay) => new(delay);

    /// <summary>The sooner of two requests.</summary>
    public ReconcileResult Min(ReconcileResult other) =>
        RequeueAfter is null ? other
        : other.RequeueAfter is null ? this
        : new(RequeueAfter < other.RequeueAfter ? RequeueAfter : other.RequeueAfter);
}
