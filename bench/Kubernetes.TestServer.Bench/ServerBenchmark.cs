using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;

namespace Kubernetes.TestServer.Bench;

/// <summary>
/// Writes, watch delivery, lists and pod start-up on one test cluster: N config maps created by 16 concurrent
/// writers while a watch observes them, a full list, then 20 pods (local <c>sleep</c> processes) to Ready.
/// </summary>
internal static class ServerBenchmark
{
    private const int Writers = 16;

    public static async Task<string> RunAsync(int objects)
    {
        var report = new StringBuilder();
        await using (var cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false }))
        {
            using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
            await client.CoreV1.CreateNamespacedConfigMapAsync(Map("warm-up"), "default");
            var seen = new ConcurrentDictionary<string, long>();
            using var stop = new CancellationTokenSource();
            var watching = Task.Run(async () =>
            {
                await foreach (var (_, map) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", cancellationToken: stop.Token))
                {
                    seen.TryAdd(map.Metadata.Name, Stopwatch.GetTimestamp());
                }
            });

            var created = new ConcurrentDictionary<string, long>();
            var latencies = new ConcurrentBag<double>();
            var all = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(Writers);
            await Task.WhenAll(Enumerable.Range(0, objects).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var start = Stopwatch.GetTimestamp();
                    await client.CoreV1.CreateNamespacedConfigMapAsync(Map($"cm-{i}"), "default");
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    created[$"cm-{i}"] = Stopwatch.GetTimestamp();
                }
                finally
                {
                    gate.Release();
                }
            }));
            all.Stop();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (created.Keys.Any(k => !seen.ContainsKey(k)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await stop.CancelAsync();
            var delivery = created.Where(c => seen.ContainsKey(c.Key)).Select(c => Math.Max(0, Stopwatch.GetElapsedTime(c.Value, seen[c.Key]).TotalMilliseconds)).ToList();
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"create {objects} config maps, {Writers} writers: {objects / all.Elapsed.TotalSeconds:0} creates/s; latency {Percentiles.Describe([.. latencies])}"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"watch delivery after the create returned ({delivery.Count}/{objects} seen): {Percentiles.Describe(delivery)}"));
            var lists = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await client.CoreV1.ListNamespacedConfigMapAsync("default");
                lists.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"list {objects + 1} config maps x10: {Percentiles.Describe(lists)}"));
            try
            {
                await watching;
            }
            catch (OperationCanceledException)
            {
                // The watch was stopped above.
            }
        }

        report.AppendLine(await PodStartAsync(20));
        return report.ToString();
    }

    private static async Task<string> PodStartAsync(int pods)
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
        var started = Stopwatch.StartNew();
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, pods).Select(async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"p-{i}" },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox", Command = ["sleep", "600"] }] },
            }, "default");
            while (true)
            {
                var pod = await client.CoreV1.ReadNamespacedPodAsync($"p-{i}", "default");
                if (pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    return;
                }

                await Task.Delay(20);
            }
        }));
        return string.Create(CultureInfo.InvariantCulture, $"{pods} pods (local sleep processes) created at once, create to Ready: {Percentiles.Describe([.. times])}; all ready in {started.Elapsed.TotalMilliseconds:0} ms");
    }

    private static V1ConfigMap Map(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["bench"] = "yes" } },
        Data = new Dictionary<string, string> { ["key"] = name },
    };
}
