using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DaskOperator.Controller;
using DaskOperator.Crds;
using k8s;
using k8s.Models;
using Kubernetes.TestServer;

namespace DaskOperator.Bench;

/// <summary>
/// Creates N DaskClusters at once on the test API server and measures, per cluster, the time from its create
/// request to the moment all its children exist (scheduler pod, scheduler service, default worker group, one
/// worker pod). Pods run <c>sleep</c> so that the measurement is the operator's, not Dask's start-up.
/// </summary>
internal static class ChildrenLatencyBenchmark
{
    private const int Concurrency = 16;

    public static async Task<int> RunAsync(int[] sizes, TextWriter output)
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = Connect(cluster);
        await InstallCrdsAsync(cluster);
        using var op = OperatorProcess.Start(cluster.KubeconfigPath);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = op.RssMiB();
        // The operator's first cluster pays for JIT compilation of every path; it is reported on its own.
        var cold = (await MeasureAsync(client, 1, "cold"))[0];
        await DeleteAllAsync(client);

        await output.WriteLineAsync("| clusters | p50 (ms) | p99 (ms) | max (ms) | operator RSS after (MiB) |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|");
        foreach (var n in sizes)
        {
            var latencies = await MeasureAsync(client, n, n.ToString(CultureInfo.InvariantCulture));
            latencies.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {Percentile(latencies, 50):0} | {Percentile(latencies, 99):0} | {latencies[^1]:0} | {op.RssMiB():0.0} |"));
            await DeleteAllAsync(client);
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"\nFirst cluster after operator start (cold JIT): {cold:0} ms. Operator RSS idle: {idle:0.0} MiB"));
        return 0;
    }

    /// <summary>A client that reads and writes the Dask resources (their source-generated JSON).</summary>
    internal static k8s.Kubernetes Connect(TestCluster cluster)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath);
        DaskJson.AddTo(config);
        return new k8s.Kubernetes(config);
    }

    internal static async Task<List<double>> MeasureAsync(k8s.Kubernetes client, int n, string batch)
    {
        var names = Enumerable.Range(0, n).Select(i => $"bench-{batch}-{i}").ToList();
        var seen = new ConcurrentDictionary<string, ConcurrentDictionary<string, bool>>();
        var done = new ConcurrentDictionary<string, long>();
        var all = new TaskCompletionSource();
        var started = new ConcurrentDictionary<string, long>();

        void Saw(string? cluster, string part)
        {
            if (cluster is null || !started.ContainsKey(cluster))
            {
                return;
            }

            var parts = seen.GetOrAdd(cluster, _ => new());
            parts[part] = true;
            if (parts.Count == 4 && done.TryAdd(cluster, Stopwatch.GetTimestamp()) && done.Count == n)
            {
                all.TrySetResult();
            }
        }

        using var stop = new CancellationTokenSource();
        // The operator's own watch requests: the AOT-safe Kubernetes client has no watch helpers.
        var stream = new KubeStream(client);
        var watches = new[]
        {
            WatchAsync(stream, "api/v1/namespaces/default/pods?watch=true",
                p => Saw(Label(p.Metadata, "dask.org/cluster-name"), Label(p.Metadata, "dask.org/component") ?? "pod"), stop.Token),
            WatchAsync(stream, "api/v1/namespaces/default/services?watch=true", s => Saw(Label(s.Metadata, "dask.org/cluster-name"), "service"), stop.Token),
            WatchAsync(stream, $"apis/{DaskApi.Group}/{DaskApi.Version}/namespaces/default/daskworkergroups?watch=true",
                g => Saw(Label(g.Metadata, "dask.org/cluster-name"), "group"), stop.Token),
        };
        await Task.Delay(500);

        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(names.Select(async name =>
        {
            await gate.WaitAsync();
            try
            {
                started[name] = Stopwatch.GetTimestamp();
                await client.CustomObjects.CreateNamespacedCustomObjectAsync(ClusterManifest(name), DaskApi.Group, DaskApi.Version, "default", "daskclusters");
            }
            finally
            {
                gate.Release();
            }
        }));
        await all.Task.WaitAsync(TimeSpan.FromMinutes(10));
        await stop.CancelAsync();
        await Task.WhenAll(watches);
        return names.Select(name => Stopwatch.GetElapsedTime(started[name], done[name]).TotalMilliseconds).ToList();
    }

    private static string? Label(V1ObjectMeta meta, string key) => meta.Labels?.TryGetValue(key, out var v) == true ? v : null;

private static async Task WatchAsync(KubeStream stream, string path, Action<KubeObject> onEvent, CancellationToken ct)
    {
        try
        {
            await foreach (var e in stream.WatchAsync(path, ct))
            {
                if (e.Object is { } item)
                {
                    onEvent(item);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // Stopped after the measurement.
        }
    }

    private static async Task DeleteAllAsync(k8s.Kubernetes client)
    {
        await client.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync(DaskApi.Group, DaskApi.Version, "default", "daskclusters");
        for (var i = 0; i < 600; i++)
        {
            var pods = await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "dask.org/cluster-name");
            var clusters = await client.CustomObjects.ListNamespacedCustomObjectAsync<DaskObjectList<DaskCluster>>(DaskApi.Group, DaskApi.Version, "default", "daskclusters");
            if (pods.Items.Count == 0 && clusters.Items.Count == 0)
            {
                return;
            }

            await Task.Delay(500);
        }
        throw new TimeoutException("The benchmark's clusters were not cleaned up within 5 minutes.");
    }

    internal static async Task InstallCrdsAsync(TestCluster cluster)
    {
        (await cluster.RunKubectlAsync("apply", "-f", FindCrds())).EnsureSuccess();
        await Task.Delay(500);
    }

    private static string FindCrds()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "charts", "dask-operator", "crds")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("charts/dask-operator/crds not found above the benchmark.")
            : Path.Combine(dir.FullName, "charts", "dask-operator", "crds");
    }

    private static DaskCluster ClusterManifest(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new DaskClusterSpec
        {
            Worker = new WorkerTemplate { Replicas = 1, Spec = new V1PodSpec { Containers = [Sleeper("worker")] } },
            Scheduler = new SchedulerTemplate
            {
                Spec = new V1PodSpec { Containers = [Sleeper("scheduler")] },
                Service = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "tcp-comm", Port = 8786, TargetPort = 8786 }] },
            },
        },
    };

    private static V1Container Sleeper(string name) => new() { Name = name, Image = "busybox", Command = ["sleep", "3600"] };

    private static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
