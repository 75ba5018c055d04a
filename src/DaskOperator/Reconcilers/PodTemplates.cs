using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>Builds the scheduler pod and service, worker pods and the job runner pod the way dask-kubernetes names and labels them.</summary>
internal static class PodTemplates
{
    public const int DefaultSchedulerPort = 8786;

    public static string SchedulerName(string cluster) => $"{cluster}-scheduler";
    public static string DefaultGroupName(string cluster) => $"{cluster}-default";

    /// <summary>The in-cluster DNS address of the scheduler, as dask-kubernetes sets DASK_SCHEDULER_ADDRESS.</summary>
    public static string SchedulerAddress(string cluster, string ns, int port) =>
        $"tcp://{SchedulerName(cluster)}.{ns}.svc.cluster.local:{port}";

    /// <summary>The scheduler's comm port: the service port named tcp-comm, else the first, else Dask's default.</summary>
    public static int CommPort(V1ServiceSpec? service) =>
        service?.Ports?.FirstOrDefault(p => p.Name == "tcp-comm")?.Port ?? service?.Ports?.FirstOrDefault()?.Port ?? DefaultSchedulerPort;

    public static V1Pod SchedulerPod(DaskCluster cluster, string hash) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = Meta(SchedulerName(cluster.Metadata.Name), cluster, cluster.Spec.Scheduler.Metadata, hash, new()
        {
            [Labels.ClusterName] = cluster.Metadata.Name,
            [Labels.Component] = Labels.Scheduler,
            ["sidecar.istio.io/inject"] = "false",
        }),
        Spec = KubeApi.Clone(cluster.Spec.Scheduler.Spec),
    };

    public static V1Service SchedulerService(DaskCluster cluster, string hash)
    {
        var spec = KubeApi.Clone(cluster.Spec.Scheduler.Service);
        spec.Selector ??= new Dictionary<string, string>
        {
            [Labels.ClusterName] = cluster.Metadata.Name,
            [Labels.Component] = Labels.Scheduler,
        };
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = Meta(SchedulerName(cluster.Metadata.Name), cluster, cluster.Spec.Scheduler.Metadata, hash, new()
            {
                [Labels.ClusterName] = cluster.Metadata.Name,
                [Labels.Component] = Labels.Scheduler,
            }),
            Spec = spec,
        };
    }

    public static V1Pod WorkerPod(DaskWorkerGroup group, string podName, int schedulerPort, string hash)
    {
        var ns = group.Metadata.NamespaceProperty;
        var spec = KubeApi.Clone(group.Spec.Worker.Spec);
        AddEnv(spec,
            Env("DASK_WORKER_NAME", podName),
            Env("DASK_SCHEDULER_ADDRESS", SchedulerAddress(group.Spec.Cluster, ns, schedulerPort)));
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = Meta(podName, group, group.Spec.Worker.Metadata, hash, new()
            {
                [Labels.ClusterName] = group.Spec.Cluster,
                [Labels.WorkerGroupName] = group.Metadata.Name,
                [Labels.Component] = Labels.Worker,
                ["sidecar.istio.io/inject"] = "false",
            }),
            Spec = spec,
        };
    }

    public static V1Pod JobRunnerPod(DaskJob job, int schedulerPort, int previousFailures)
    {
        var spec = KubeApi.Clone(job.Spec.Job.Spec);
        AddEnv(spec, Env("DASK_SCHEDULER_ADDRESS", SchedulerAddress(job.Metadata.Name, job.Metadata.NamespaceProperty, schedulerPort)));
        var metadata = Meta($"{job.Metadata.Name}-runner", job, job.Spec.Job.Metadata, SpecHash.Of(job.Spec.Job), new()
        {
            [Labels.ClusterName] = job.Metadata.Name,
            [Labels.Component] = Labels.JobRunner,
            ["sidecar.istio.io/inject"] = "false",
        });
        metadata.Annotations[Labels.PreviousFailures] = previousFailures.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = metadata, Spec = spec };
    }

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    /// <summary>Our env goes after the user's, and only where the user did not set the variable (as dask-kubernetes appends).</summary>
    private static void AddEnv(V1PodSpec spec, params V1EnvVar[] env)
    {
        foreach (var container in spec.Containers ?? [])
        {
            var existing = container.Env?.ToList() ?? [];
            existing.AddRange(env.Where(e => existing.All(x => x.Name != e.Name)));
            container.Env = existing;
        }
    }

    private static V1ObjectMeta Meta<TSpec>(string name, DaskObject<TSpec> owner, SimpleObjectMeta? template, string hash,
        Dictionary<string, string> labels) where TSpec : new()
    {
        var annotations = Ownership.ChildAnnotations(owner.Metadata, template);
        annotations[Labels.SpecHash] = hash;
        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = owner.Metadata.NamespaceProperty,
            Labels = Ownership.ChildLabels(owner.Metadata, template, labels),
            Annotations = annotations,
            OwnerReferences = [Ownership.ReferenceTo(owner)],
        };
    }
}
