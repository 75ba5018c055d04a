using System.Diagnostics;
using System.Globalization;
using Kubernetes.TestServer;

namespace DaskOperator.Bench;

/// <summary>
/// The operator's memory and reconcile throughput, each build variant in its own process against its own test API
/// server that does not run pods (<c>RunPods = false</c>), so the figures are the operator's alone: RSS idle, then
/// N clusters created at once, clusters per second until each has all its children, RSS with them. The first
/// variant is the baseline the others are compared with.
/// </summary>
internal static class FootprintBenchmark
{
    public static async Task<int> RunAsync(int clusters, IReadOnlyList<BuildVariant> variants, TextWriter output)
    {
        var results = new List<(string Name, double Idle, double Loaded, double PerSecond)>();
        foreach (var (name, executable, environment) in variants)
        {
            // A fresh server each: without a kubelet, deleted pods would never go away.
            await using var cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });
            using var client = ChildrenLatencyBenchmark.Connect(cluster);
            await ChildrenLatencyBenchmark.InstallCrdsAsync(cluster);
            using var op = OperatorProcess.Start(cluster.KubeconfigPath, environment, executable);
            await Task.Delay(TimeSpan.FromSeconds(8));
            var idle = op.RssMiB();
            var clock = Stopwatch.StartNew();
            await ChildrenLatencyBenchmark.MeasureAsync(client, clusters, $"v{results.Count}");
            var perSecond = clusters / clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(8));
            results.Add((name, idle, op.RssMiB(), perSecond));
        }
        var (_, baseIdle, baseLoaded, basePerSecond) = results[0];
        await output.WriteLineAsync($"| build | RSS idle (MiB) | RSS with {clusters} clusters (MiB) | clusters/s | vs baseline (idle / loaded / throughput) |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");
        foreach (var (name, idle, loaded, perSecond) in results)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {idle:0.0} | {loaded:0.0} | {perSecond:0.0} | {idle / baseIdle:0.00} / {loaded / baseLoaded:0.00} / {perSecond / basePerSecond:0.00} |"));
        }
        return 0;
    }
}
