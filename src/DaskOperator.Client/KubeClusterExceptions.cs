namespace DaskOperator.Client;

/// <summary>Something about a Dask cluster went wrong; the message is one sentence a person can act on.</summary>
public class KubeClusterException : Exception
{
    /// <summary>Creates the exception with its sentence.</summary>
    public KubeClusterException(string message) : base(message) { }

    /// <summary>Creates the exception with its sentence and the error behind it.</summary>
    public KubeClusterException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The kubernetes.dask.org CustomResourceDefinitions are not installed in the Kubernetes cluster.</summary>
public sealed class CrdsNotInstalledException(string message) : KubeClusterException(message);

/// <summary>The DaskCluster got no <c>status.phase: Running</c> in time: the operator is not running or not watching its namespace.</summary>
public sealed class OperatorNotRunningException(string message) : KubeClusterException(message);

/// <summary>The scheduler pod is in CrashLoopBackOff; <see cref="LastLogLines"/> holds what it printed last.</summary>
public sealed class SchedulerCrashLoopException(string message, IReadOnlyList<string> lastLogLines) : KubeClusterException(message)
{
    /// <summary>The scheduler container's last log lines (from its previous, crashed run when there was one).</summary>
    public IReadOnlyList<string> LastLogLines { get; } = lastLogLines;
}

/// <summary>A cluster or worker group name Kubernetes would refuse for the objects made from it.</summary>
public sealed class InvalidNameException(string message) : KubeClusterException(message);

/// <summary>The cluster has no worker group of that name.</summary>
public sealed class UnknownWorkerGroupException(string message) : KubeClusterException(message);

/// <summary>No DaskCluster of that name exists in the namespace.</summary>
public sealed class ClusterNotFoundException(string message) : KubeClusterException(message);

/// <summary>A DaskCluster of that name already exists and the call was to create one.</summary>
public sealed class ClusterExistsException(string message) : KubeClusterException(message);

/// <summary>The scheduler did not reach the number of workers asked for in time.</summary>
public sealed class WorkersTimeoutException(string message) : KubeClusterException(message);
