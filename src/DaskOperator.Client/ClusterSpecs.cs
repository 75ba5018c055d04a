using System.Globalization;
using DaskOperator.Crds;
using k8s.Models;

namespace DaskOperator.Client;

/// <summary>
/// DaskCluster and DaskWorkerGroup specs built from options, shaped as dask-kubernetes' <c>make_cluster_spec</c>
/// builds them: ports named <c>tcp-comm</c> and <c>http-dashboard</c>, workers named after their pod.
/// </summary>
internal static class ClusterSpecs
{
    public const int CommPort = 8786;
    public const int DashboardPort = 8787;
    private const int WorkerDashboardPort = 8788;

    public static DaskClusterSpec Cluster(string name, KubeClusterOptions options) => options.CustomSpec ?? new DaskClusterSpec
    {
        IdleTimeout = options.IdleTimeout,
        Worker = Worker(options.Workers, options.Image, options.WorkerCommand, options.ThreadsPerWorker, options.Resources, null, options.Env),
        Scheduler = Scheduler(name, options),
    };

    public static WorkerTemplate Group(WorkerGroupOptions options, WorkerTemplate defaults)
    {
        if (options.CustomSpec is { } custom)
        {
            return custom;
        }

        var image = options.Image ?? defaults.Spec.Containers?.FirstOrDefault()?.Image ?? new KubeClusterOptions().Image;
        return Worker(options.Workers, image, options.WorkerCommand ?? ["dask-worker"], options.ThreadsPerWorker, options.Resources,
            options.DaskResources, options.Env);
    }

    private static WorkerTemplate Worker(int replicas, string image, IReadOnlyList<string> command, int? threads,
        V1ResourceRequirements? resources, IReadOnlyDictionary<string, double>? daskResources, IReadOnlyDictionary<string, string>? env)
    {
        List<string> args = [.. command, "--name", "$(DASK_WORKER_NAME)", "--dashboard", "--dashboard-address", $"{WorkerDashboardPort}"];
        if (threads is { } n)
        {
            args.AddRange(["--nthreads", n.ToString(CultureInfo.InvariantCulture)]);
        }

        if (daskResources is { Count: > 0 })
        {
            args.AddRange(["--resources", string.Join(',', daskResources.Select(r => $"{r.Key}={r.Value.ToString(CultureInfo.InvariantCulture)}"))]);
        }
        return new WorkerTemplate
        {
            Replicas = replicas,
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = "worker",
                        Image = image,
                        Args = args,
                        Env = EnvVars(env),
                        Resources = resources,
                        Ports = [new V1ContainerPort { Name = "http-dashboard", ContainerPort = WorkerDashboardPort, Protocol = "TCP" }],
                    },
                ],
            },
        };
    }

    private static SchedulerTemplate Scheduler(string cluster, KubeClusterOptions options) => new()
    {
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = "scheduler",
                    Image = options.Image,
                    Args = ["dask-scheduler", "--host", "0.0.0.0"],
                    Env = EnvVars(options.Env),
                    Resources = options.Resources,
                    Ports =
                    [
                        new V1ContainerPort { Name = "tcp-comm", ContainerPort = CommPort, Protocol = "TCP" },
                        new V1ContainerPort { Name = "http-dashboard", ContainerPort = DashboardPort, Protocol = "TCP" },
                    ],
                    // The scheduler is ready when its HTTP server answers; /health needs no dashboard extras.
                    ReadinessProbe = new V1Probe
                    {
                        HttpGet = new V1HTTPGetAction { Port = "http-dashboard", Path = "/health" },
                        PeriodSeconds = 1,
                        TimeoutSeconds = 300,
                    },
                },
            ],
        },
        Service = new V1ServiceSpec
        {
            Type = options.SchedulerServiceType,
            Selector = new Dictionary<string, string> { ["dask.org/cluster-name"] = cluster, ["dask.org/component"] = "scheduler" },
            Ports =
            [
                new V1ServicePort { Name = "tcp-comm", Protocol = "TCP", Port = CommPort, TargetPort = "tcp-comm" },
                new V1ServicePort { Name = "http-dashboard", Protocol = "TCP", Port = DashboardPort, TargetPort = "http-dashboard" },
            ],
        },
    };

    private static List<V1EnvVar>? EnvVars(IReadOnlyDictionary<string, string>? env) =>
        env is null ? null : env.Select(kv => new V1EnvVar { Name = kv.Key, Value = kv.Value }).ToList();
}
