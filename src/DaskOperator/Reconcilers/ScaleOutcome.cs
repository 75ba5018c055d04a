using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>What a scale-down or roll-out pass did: the pods it deleted and, if it had to stop, why.</summary>
internal sealed record ScaleOutcome(IReadOnlyList<V1Pod> Deleted, string? Blocked)
{
    public static readonly ScaleOutcome Nothing = new([], null);
}
