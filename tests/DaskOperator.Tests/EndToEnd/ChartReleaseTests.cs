using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

/// <summary>
/// charts/dask-cluster installed, upgraded and uninstalled by the real helm (server-side apply, release Secrets) on
/// the test API server, run by the operator with real Dask processes. One release walks through every step, so
/// the cluster starts once.
/// </summary>
[Collection(EndToEndGroup.Name)]
public class ChartReleaseTests
{
    private static readonly string Chart = Repository.Path("charts", "dask-cluster");
    private static readonly string TwoGroups = Repository.Path("samples", "dask-cluster", "gpu-and-high-mem.yaml");

    [SkippableFact]
    public async Task Given_a_release_with_a_high_mem_and_a_gpu_group_When_it_is_used_scaled_cut_down_grown_autoscaled_and_uninstalled_Then_each_step_converges_without_losing_data()
    {
        Skip.If(DaskTestCluster.IsMissing || HelmCli.Path is null, $"{DaskTestCluster.MissingReason} And helm (.tools/bin).");
        await using var k8s = await DaskTestCluster.StartAsync();
        var helm = new HelmCli(k8s);

        // Given the release "analytics" installed from the dask/helm-chart-style values file: 2 default, 1 high-mem, 1 gpu worker
        var notes = await helm.EnsureAsync("install", "analytics", Chart, "-f", TwoGroups);
        Assert.Contains("tcp://analytics-scheduler.default.svc.cluster.local:8786", notes, StringComparison.Ordinal);
        await k8s.WaitForSchedulerWorkersAsync("analytics", 4);
        var address = await k8s.SchedulerAddressAsync("analytics");

        // When the README's sample runs tasks annotated with dask.annotate(resources={"GPU": 1}), Then they all ran on the gpu group
        var placement = await SampleGpuTasks.RunAsync(address);
        Assert.Equal(210, placement.Total);
        Assert.Equal(await k8s.RunningWorkersAsync("analytics-gpu"), placement.GpuTasksRanOn);

        // Given 10 keys on the two default workers and 5 on the high-mem worker
        Assert.Equal("10", await PublishAsync(address, "on-default", "analytics-default-worker-"));
        Assert.Equal("5", await PublishAsync(address, "on-high-mem", "analytics-high-mem-worker-"));

        // When helm upgrade scales the default group to one worker, Then it shrinks through the scheduler and no key is lost
        await helm.EnsureAsync("upgrade", "analytics", Chart, "--reuse-values", "--set", "worker.replicas=1");
        await DaskTestCluster.WaitAsync(() => k8s.WorkerPodsAsync("analytics-default"), p => p.Count == 1, "the default group to shrink to one pod");
        await k8s.WaitForSchedulerWorkersAsync("analytics", 3);
        Assert.Equal("10", await GatherAsync(address, "on-default"));

        // When helm upgrade drops the high-mem group, Then its DaskWorkerGroup and pod go, its worker retired: no key lost
        var gpuBefore = await k8s.RunningWorkersAsync("analytics-gpu");
        await helm.EnsureAsync("upgrade", "analytics", Chart, "--reuse-values", "--set-json", $"additional_worker_groups=[{GpuGroup}]");
        await DaskTestCluster.WaitAsync(async () => (await k8s.KubectlAsync("get", "daskworkergroups,pods", "-l", "dask.org/workergroup-name=analytics-high-mem", "-o", "name")).Trim()
            + (await k8s.KubectlAsync("get", "daskworkergroups", "-o", "name")).Contains("analytics-high-mem", StringComparison.Ordinal),
            s => s == "False", "the high-mem group and its pod to be gone");
        await k8s.WaitForSchedulerWorkersAsync("analytics", 2);
        Assert.Equal("5", await GatherAsync(address, "on-high-mem"));
        Assert.Equal("10", await GatherAsync(address, "on-default"));
        Assert.Equal(gpuBefore, await k8s.RunningWorkersAsync("analytics-gpu"));
        Assert.Contains("WorkersRetired", await k8s.KubectlAsync("get", "events", "--field-selector", "involvedObject.name=analytics-high-mem"),
            StringComparison.Ordinal);

        // When helm upgrade drops the gpu group's toleration, gives the group an autoscaler and adds a high-cpu group
        await helm.EnsureAsync("upgrade", "analytics", Chart, "--reuse-values", "--set-json",
            $"additional_worker_groups=[{GpuGroup.Replace(Toleration, Autoscaler, StringComparison.Ordinal)},{HighCpuGroup}]");

        // Then the new group's worker runs and registers with the scheduler beside the others
        await DaskTestCluster.WaitAsync(() => k8s.RunningWorkersAsync("analytics-high-cpu"), p => p.Count == 1, "the high-cpu group's worker to run");
        await k8s.WaitForSchedulerWorkersAsync("analytics", 3);
        Assert.Equal("10", await GatherAsync(address, "on-default"));

        // And helm's server-side apply removed the toleration, and the gpu group's DaskAutoscaler runs against that group
        Assert.Equal("", await k8s.KubectlAsync("get", "daskworkergroup", "analytics-gpu", "-o", "jsonpath={.spec.worker.spec.tolerations}"));
        Assert.Equal("analytics-gpu", await k8s.KubectlAsync("get", "daskautoscaler", "analytics-gpu", "-o", "jsonpath={.spec.workerGroup}"));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "daskautoscaler", "analytics-gpu", "-o", "jsonpath={.status.phase}"),
            s => s == "Running", "the gpu group's autoscaler to run");

        // When the release is uninstalled, Then the cluster, its groups, pods, service and helm's release Secrets are all gone
        await helm.EnsureAsync("uninstall", "analytics");
        await DaskTestCluster.WaitAsync(async () => (await k8s.KubectlAsync("get", "daskclusters,daskworkergroups,pods,services,secrets", "-o", "name")).Trim(),
            s => s.Split('\n').All(n => n.Length == 0 || n == "service/kubernetes"), "everything of the release to be gone");
        var (status, output) = await helm.RunAsync("status", "analytics");
        Assert.True(status != 0 && output.Contains("release: not found", StringComparison.Ordinal), output);
    }

    /// <summary>The sample's gpu group, as --set-json takes it.</summary>
    private const string GpuGroup = """{"name":"gpu","replicas":1,"extraArgs":["--resources","GPU=1"],"resources":{"limits":{"nvidia.com/gpu":1}}""" + Toleration + "}";

    private const string HighCpuGroup = """{"name":"high-cpu","replicas":1,"extraArgs":["--resources","CPU=4"]}""";

    private const string Autoscaler = ""","autoscaler":{"enabled":true,"minimum":1,"maximum":2}""";

    private const string Toleration = ""","tolerations":[{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}]""";

    private static async Task<string> PublishAsync(string address, string dataset, string prefix) =>
        (await PythonDask.RunScriptAsync("publish_on_group.py", address, dataset, prefix)).Trim().Split('\n')[^1];

    private static async Task<string> GatherAsync(string address, string dataset) =>
        (await PythonDask.RunScriptAsync("gather_published.py", address, dataset)).Trim().Split('\n')[^1];
}
