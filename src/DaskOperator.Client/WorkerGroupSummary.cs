namespace DaskOperator.Client;

/// <summary>One worker group of a cluster.</summary>
/// <param name="Name">Its short name (<c>default</c> for the cluster's own group); the DaskWorkerGroup is <c>{cluster}-{name}</c>.</param>
/// <param name="Workers">Workers asked for (<c>spec.worker.replicas</c>).</param>
/// <param name="ReadyWorkers">Worker pods running (<c>status.readyReplicas</c>).</param>
public sealed record WorkerGroupSummary(string Name, int Workers, int ReadyWorkers);
