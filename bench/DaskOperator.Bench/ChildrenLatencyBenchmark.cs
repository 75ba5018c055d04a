using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
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
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
        await InstallCrdsAsync(client);
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
        var watches = new[]
        {
            WatchAsync(client.CoreV1.ListNamespacedPodWithHttpMessagesAsync("default", watch: true, cancellationToken: stop.Token),
                (V1Pod p) => Saw(Label(p.Metadata, "dask.org/cluster-name"), Label(p.Metadata, "dask.org/component") ?? "pod"), stop.Token),
            WatchAsync(client.CoreV1.ListNamespacedServiceWithHttpMessagesAsync("default", watch: true, cancellationToken: stop.Token),
                (V1Service s) => Saw(Label(s.Metadata, "dask.org/cluster-name"), "service"), stop.Token),
            WatchAsync(client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync("kubernetes.dask.org", "v1", "default", "daskworkergroups",
                watch: true, cancellationToken: stop.Token), (KubeObjectStub g) => Saw(Label(g.Metadata, "dask.org/cluster-name"), "group"), stop.Token),
        };
        await Task.Delay(500);

        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(names.Select(async name =>
        {
            await gate.WaitAsync();
            try
            {
                started[name] = Stopwatch.GetTimestamp();
                await client.CustomObjects.CreateNamespacedCustomObjectAsync(ClusterManifest(name), "kubernetes.dask.org", "v1", "default", "daskclusters");
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

#pragma warning disable CS0618 // The typed watch helper; see the operator's WatchSource for why.
    private static async Task WatchAsync<T, TList>(Task<k8s.Autorest.HttpOperationResponse<TList>> request, Action<T> onEvent, CancellationToken ct)
    {
        try
        {
            await foreach (var (_, item) in request.WatchAsync<T, TList>(cancellationToken: ct))
            {
                onEvent(item);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // Stopped after the measurement.
        }
    }
#pragma warning restore CS0618

    private static async Task DeleteAllAsync(k8s.Kubernetes client)
    {
        await client.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync("kubernetes.dask.org", "v1", "default", "daskclusters");
        for (var i = 0; i < 600; i++)
        {
            var pods = await client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "dask.org/cluster-name");
            var clusters = await client.CustomObjects.ListNamespacedCustomObjectAsync<KubeListStub>("kubernetes.dask.org", "v1", "default", "daskclusters");
            if (pods.Items.Count == 0 && clusters.Items.Count == 0)
            {
                return;
            }

            await Task.Delay(500);
        }
        throw new TimeoutException("The benchmark's clusters were not cleaned up within 5 minutes.");
    }

    internal static async Task InstallCrdsAsync(k8s.Kubernetes client)
    {
        var dir = FindCrds();
        foreach (var file in Directory.GetFiles(dir, "*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
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

    private static Dictionary<string, object> ClusterManifest(string name) => new Dictionary<string, object>
    {
        ["apiVersion"] = "kubernetes.dask.org/v1",
        ["kind"] = "DaskCluster",
        ["metadata"] = new Dictionary<string, object> { ["name"] = name },
        ["spec"] = new Dictionary<string, object>
        {
            ["worker"] = new Dictionary<string, object>
            {
                ["replicas"] = 1,
                ["spec"] = new Dictionary<string, object> { ["containers"] = new[] { Sleeper("worker") } },
            },
            ["scheduler"] = new Dictionary<string, object>
            {
                ["spec"] = new Dictionary<string, object> { ["containers"] = new[] { Sleeper("scheduler") } },
                ["service"] = new Dictionary<string, object>
                {
                    ["ports"] = new[] { new Dictionary<string, object> { ["name"] = "tcp-comm", ["port"] = 8786, ["targetPort"] = 8786 } },
                },
            },
        },
    };

    private static Dictionary<string, object> Sleeper(string name) => new()
    {
        ["name"] = name,
        ["image"] = "busybox",
        ["command"] = new[] { "sleep", "3600" },
    };

    private static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class KubeObjectStub
    {
        [System.Text.Json.Serialization.JsonPropertyName("metadata")]
        public V1ObjectMeta Metadata { get; set; } = new();
    }

    private sealed class KubeListStub
    {
        [System.Text.Json.Serialization.JsonPropertyName("items")]
        public List<KubeObjectStub> Items { get; set; } = [];
    }
}
