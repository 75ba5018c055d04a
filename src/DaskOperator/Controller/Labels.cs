namespace DaskOperator.Controller;

/// <summary>The labels dask-kubernetes puts on what it creates; tools and users select on these.</summary>
internal static class Labels
{
    public const string ClusterName = "dask.org/cluster-name";
    public const string Component = "dask.org/component";
    public const string WorkerGroupName = "dask.org/workergroup-name";

    public const string Scheduler = "scheduler";
    public const string Worker = "worker";
    public const string WorkerGroup = "workergroup";
    public const string JobRunner = "job-runner";

    /// <summary>Our own annotation: a hash of the template a pod was made from, to roll out spec changes.</summary>
    public const string SpecHash = "kubernetes.dask.org/spec-hash";

    /// <summary>Our own annotation on a job runner pod: how often the job's runners failed before this one.</summary>
    public const string PreviousFailures = "kubernetes.dask.org/previous-failures";

    /// <summary>Our own annotation on a default worker group: the cluster replicas last passed on to it.</summary>
    public const string PropagatedReplicas = "kubernetes.dask.org/cluster-replicas";
}
