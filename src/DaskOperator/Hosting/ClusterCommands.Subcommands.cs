using System.Globalization;
using DaskOperator.Client;
using k8s.Models;

namespace DaskOperator.Hosting;

internal static partial class ClusterCommands
{
    private static async Task CreateAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var name = args.Names("create", "NAME")[0];
        var defaults = args.Connection();
        var options = defaults with
        {
            Workers = args.Number("--workers") ?? defaults.Workers,
            Image = args.Text("--image") ?? defaults.Image,
            ThreadsPerWorker = args.Number("--threads"),
            Env = args.Pairs("--env"),
            WorkerCommand = Command(args) ?? defaults.WorkerCommand,
            SchedulerServiceType = args.Text("--service-type") ?? defaults.SchedulerServiceType,
            IdleTimeout = args.Number("--idle-timeout") ?? 0,
        };
        var wait = !args.Has("--no-wait");
        options = options with { ConnectToScheduler = wait };
        args.EnsureAllUsed("create");
        await using var cluster = await KubeCluster.CreateAsync(name, options, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Created Dask cluster '{name}' in namespace '{cluster.Namespace}'.").ConfigureAwait(false);
        await WriteAddressesAsync(cluster, stdout).ConfigureAwait(false);
        if (wait)
        {
            await WaitForWorkersAsync(cluster, options.Workers, options.ResourceTimeout, stdout, ct).ConfigureAwait(false);
        }
    }

    private static async Task ListAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        args.Names("list");
        var options = args.Connection();
        args.EnsureAllUsed("list");
        var clusters = await KubeCluster.ListAsync(options, ct).ConfigureAwait(false);
        var rows = clusters.Select(c => new[]
        {
            c.Name,
            c.Phase,
            $"{c.WorkerGroups.Sum(g => g.ReadyWorkers)}/{c.WorkerGroups.Sum(g => g.Workers)}",
            string.Join(", ", c.WorkerGroups.Select(g => $"{g.Name} {g.ReadyWorkers}/{g.Workers}")),
        }).Prepend(["NAME", "PHASE", "WORKERS", "GROUPS (ready/wanted)"]).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            await stdout.WriteLineAsync(string.Join("   ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd())
                .ConfigureAwait(false);
        }
    }

    private static async Task ScaleAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var words = args.Names("scale", "NAME", "N");
        var workers = int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new UsageException($"cluster scale needs a whole number of workers, not '{words[1]}'.");
        var group = args.Text("--group") ?? "default";
        var options = args.Connection();
        var wait = !args.Has("--no-wait");
        args.EnsureAllUsed("scale");
        await using var cluster = await KubeCluster.ConnectAsync(words[0], options, ct).ConfigureAwait(false);
        var before = (await cluster.ListWorkerGroupsAsync(ct).ConfigureAwait(false)).FirstOrDefault(g => g.Name == group)?.Workers;
        await cluster.ScaleAsync(workers, group, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Scaled worker group '{group}' of '{cluster.Name}' from {before} to {workers} workers.").ConfigureAwait(false);
        if (workers < before)
        {
            await stdout.WriteLineAsync("The operator retires the extra workers through the scheduler, so their data moves first.").ConfigureAwait(false);
        }
        else if (wait)
        {
            await WaitForAllGroupsAsync(cluster, options.ResourceTimeout, stdout, ct).ConfigureAwait(false);
        }
    }

    private static async Task AdaptAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var name = args.Names("adapt", "NAME")[0];
        var minimum = args.Number("--minimum") ?? throw new UsageException("cluster adapt needs --minimum N.");
        var maximum = args.Number("--maximum") ?? throw new UsageException("cluster adapt needs --maximum N.");
        if (maximum < minimum)
        {
            throw new UsageException($"--maximum ({maximum}) is below --minimum ({minimum}).");
        }

        var group = args.Text("--group") ?? "default";
        var options = args.Connection();
        args.EnsureAllUsed("adapt");
        await using var cluster = await KubeCluster.ConnectAsync(name, options, ct).ConfigureAwait(false);
        await cluster.AdaptAsync(minimum, maximum, group, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Worker group '{group}' of '{name}' now adapts between {minimum} and {maximum} workers as the scheduler asks.")
            .ConfigureAwait(false);
    }

    private static async Task AddGroupAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var words = args.Names("add-group", "NAME", "GROUP");
        var gpus = args.Number("--gpus");
        var group = new WorkerGroupOptions
        {
            Workers = args.Number("--workers") ?? 1,
            Image = args.Text("--image"),
            ThreadsPerWorker = args.Number("--threads"),
            DaskResources = args.Pairs("--resources")?.ToDictionary(kv => kv.Key, kv => double.TryParse(kv.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                ? amount : throw new UsageException($"--resources needs a number for {kv.Key}, not '{kv.Value}'.")),
            Resources = gpus is { } count
                ? new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = new(count.ToString(CultureInfo.InvariantCulture)) } }
                : null,
            Env = args.Pairs("--env"),
            WorkerCommand = Command(args),
        };
        var options = args.Connection();
        var wait = !args.Has("--no-wait");
        args.EnsureAllUsed("add-group");
        await using var cluster = await KubeCluster.ConnectAsync(words[0], options, ct).ConfigureAwait(false);
        await cluster.AddWorkerGroupAsync(words[1], group, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Added worker group '{words[1]}' ({group.Workers} workers) to '{words[0]}'.").ConfigureAwait(false);
        if (wait)
        {
            await WaitForAllGroupsAsync(cluster, options.ResourceTimeout, stdout, ct).ConfigureAwait(false);
        }
    }

    private static async Task DeleteGroupAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var words = args.Names("delete-group", "NAME", "GROUP");
        var options = args.Connection();
        args.EnsureAllUsed("delete-group");
        await using var cluster = await KubeCluster.ConnectAsync(words[0], options, ct).ConfigureAwait(false);
        await cluster.DeleteWorkerGroupAsync(words[1], ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Deleted worker group '{words[1]}' of '{words[0]}'.").ConfigureAwait(false);
    }

    private static async Task LogsAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var name = args.Names("logs", "NAME")[0];
        var options = args.Connection();
        args.EnsureAllUsed("logs");
        await using var cluster = await KubeCluster.ConnectAsync(name, options, ct).ConfigureAwait(false);
        foreach (var (pod, log) in await cluster.GetLogsAsync(ct).ConfigureAwait(false))
        {
            await stdout.WriteLineAsync($"==> {pod} <==\n{log.TrimEnd('\n')}\n").ConfigureAwait(false);
        }
    }

    private static async Task DeleteAsync(ClusterArguments args, TextWriter stdout, CancellationToken ct)
    {
        var name = args.Names("delete", "NAME")[0];
        var options = args.Connection();
        args.EnsureAllUsed("delete");
        await KubeCluster.DeleteAsync(name, options, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync($"Deleted Dask cluster '{name}'.").ConfigureAwait(false);
    }

    private static List<string>? Command(ClusterArguments args) =>
        args.Text("--worker-command")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static async Task WriteAddressesAsync(KubeCluster cluster, TextWriter stdout)
    {
        await stdout.WriteLineAsync($"Scheduler: {cluster.SchedulerAddress}").ConfigureAwait(false);
        if (cluster.DashboardUri is { } dashboard)
        {
            await stdout.WriteLineAsync($"Dashboard: {dashboard}").ConfigureAwait(false);
        }
    }

    private static async Task WaitForAllGroupsAsync(KubeCluster cluster, TimeSpan timeout, TextWriter stdout, CancellationToken ct)
    {
        var wanted = (await cluster.ListWorkerGroupsAsync(ct).ConfigureAwait(false)).Sum(g => g.Workers);
        await WaitForWorkersAsync(cluster, wanted, timeout, stdout, ct).ConfigureAwait(false);
    }

    private static async Task WaitForWorkersAsync(KubeCluster cluster, int wanted, TimeSpan timeout, TextWriter stdout, CancellationToken ct)
    {
        var line = new ProgressLine(stdout);
        try
        {
            await cluster.WaitForWorkersAsync(wanted, timeout, new ProgressReporter(p => line.Show(
                p.SchedulerAnswered
                ? $"Workers: {p.Registered}/{p.Wanted} registered with the scheduler ({p.PodsRunning} pods running, {p.PodsWaiting} waiting)"
                : $"Workers: asking the scheduler at {cluster.SchedulerAddress} ({p.PodsRunning} pods running, {p.PodsWaiting} waiting)")), ct)
                .ConfigureAwait(false);
        }
        finally
        {
            line.End();
        }
        await stdout.WriteLineAsync($"Dask cluster '{cluster.Name}' is ready with {wanted} workers.").ConfigureAwait(false);
    }

    /// <summary>Reports on the waiting thread; <see cref="Progress{T}"/> would post to the thread pool and print out of order.</summary>
    private sealed class ProgressReporter(Action<WorkerProgress> report) : IProgress<WorkerProgress>
    {
        public void Report(WorkerProgress value) => report(value);
    }
}
