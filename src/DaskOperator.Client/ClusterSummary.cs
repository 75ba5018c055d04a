namespace DaskOperator.Client;

/// <summary>One DaskCluster of a namespace.</summary>
/// <param name="Name">The DaskCluster's name.</param>
/// <param name="Phase">Its <c>status.phase</c> (Created, Pending, Running), empty before the operator acted.</param>
/// <param name="WorkerGroups">Its worker groups, the default group first.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record ClusterSummary(string Name, string Phase, IReadOnlyList<WorkerGroupSummary> WorkerGroups, DateTime? CreatedAt);
