using System.Text.Json;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public class WorkerGroupsTests
{
    [SkippableFact]
    public async Task Given_a_cluster_and_a_gpu_worker_group_When_a_client_computes_Then_gpu_tasks_run_only_on_the_gpu_group()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given a DaskCluster with two workers and a second group whose one worker offers GPU=1, applied by kubectl
        await k8s.ApplyAsync(Manifests.Cluster("simple", 2, nanny: false));
        await k8s.ApplyAsync(Manifests.GpuGroup("simple", "simple-gpu", 1, nanny: false));
        await k8s.WaitForSchedulerWorkersAsync("simple", 3);

        // When a Python Dask client computes and submits tasks that need a GPU
        var output = await PythonDask.RunScriptAsync("compute_on_groups.py", await k8s.SchedulerAddressAsync("simple"));
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

        // Then the computation is right and every GPU task ran on the GPU group's worker
        Assert.Equal(210, result.GetProperty("total").GetInt32());
        var gpuWorkers = result.GetProperty("gpu_workers").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(await k8s.RunningWorkersAsync("simple-gpu"), gpuWorkers);

        // And the objects are named, labelled and configured as dask-kubernetes does it
        var scheduler = await k8s.GetJsonAsync("get", "pod", "simple-scheduler");
        Assert.Equal("scheduler", scheduler.GetProperty("metadata").GetProperty("labels").GetProperty("dask.org/component").GetString());
        await k8s.KubectlAsync("get", "service", "simple-scheduler");
        await k8s.KubectlAsync("get", "daskworkergroup", "simple-default");
        var (name, _, pod) = (await k8s.WorkerPodsAsync("simple-default"))[0];
        Assert.StartsWith("simple-default-worker-", name, StringComparison.Ordinal);
        var labels = pod.GetProperty("metadata").GetProperty("labels");
        Assert.Equal("simple", labels.GetProperty("dask.org/cluster-name").GetString());
        Assert.Equal("worker", labels.GetProperty("dask.org/component").GetString());
        Assert.Equal("parallel-tools", pod.GetProperty("metadata").GetProperty("annotations").GetProperty("example.org/owner").GetString());
        var env = pod.GetProperty("spec").GetProperty("containers")[0].GetProperty("env").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
        Assert.Equal(name, env["DASK_WORKER_NAME"]);
        Assert.Equal("tcp://simple-scheduler.default.svc.cluster.local:8786", env["DASK_SCHEDULER_ADDRESS"]);
        Assert.Equal("parallel-tools", env["TEAM"]);

        // And status reports replicas, and kubectl prints dask-kubernetes' columns
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "daskcluster", "simple", "-o", "jsonpath={.status.phase}/{.status.replicas}/{.status.readyReplicas}"),
            s => s == "Running/2/2", "the cluster's status to say Running with 2 of 2 workers");
        var table = await k8s.KubectlAsync("get", "dsk");
        Assert.Contains("WORKERS", table, StringComparison.Ordinal);
        Assert.Contains("Running", table, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Given_workers_holding_data_When_the_default_group_scales_from_3_to_1_Then_no_key_is_lost_and_the_other_group_is_untouched()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given three default workers holding 15 published keys, and a GPU group with one worker
        await k8s.ApplyAsync(Manifests.Cluster("scale", 3));
        await k8s.ApplyAsync(Manifests.GpuGroup("scale", "scale-gpu", 1, nanny: false));
        await k8s.WaitForSchedulerWorkersAsync("scale", 4);
        var address = await k8s.SchedulerAddressAsync("scale");
        Assert.Equal("15", (await PythonDask.RunScriptAsync("publish_on_group.py", address, "data", "scale-default-worker-")).Trim().Split('\n')[^1]);
        var gpuBefore = await k8s.RunningWorkersAsync("scale-gpu");

        // When the cluster is scaled to one worker with the real kubectl (scale subresource)
        await k8s.KubectlAsync("scale", "daskcluster", "scale", "--replicas=1");

        // Then one default worker remains, every key is still retrievable, and the GPU group kept its pod
        await DaskTestCluster.WaitAsync(() => k8s.WorkerPodsAsync("scale-default"), p => p.Count == 1, "the default group to shrink to one pod");
        await k8s.WaitForSchedulerWorkersAsync("scale", 2);
        Assert.Equal("15", (await PythonDask.RunScriptAsync("gather_published.py", address, "data")).Trim().Split('\n')[^1]);
        Assert.Equal(gpuBefore, await k8s.RunningWorkersAsync("scale-gpu"));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "daskcluster", "scale", "-o", "jsonpath={.status.replicas}"), s => s == "1",
            "status.replicas to follow the scale");
    }

    [SkippableFact]
    public async Task Given_an_unreachable_scheduler_When_scaling_down_Then_running_workers_are_kept_and_a_condition_says_why()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given a cluster whose scheduler service points at a port nothing listens on, with two running worker pods
        await k8s.ApplyAsync(Manifests.Cluster("blind", 2, schedulerTargetPort: "9", nanny: false));
        var before = await DaskTestCluster.WaitAsync(() => k8s.RunningWorkersAsync("blind-default"), p => p.Count == 2, "two running worker pods");

        // When the default group itself is asked to shrink to one (as KubeCluster.scale does)
        await k8s.KubectlAsync("scale", "daskworkergroup", "blind-default", "--replicas=1");

        // Then the group reports that scale-down is blocked on the scheduler, and both workers are still there
        await DaskTestCluster.WaitAsync(
            () => k8s.KubectlAsync("get", "daskworkergroup", "blind-default", "-o", "jsonpath={.status.conditions[?(@.type==\"ScaleDownBlocked\")].status}"),
            s => s == "True", "the ScaleDownBlocked condition");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(before, await k8s.RunningWorkersAsync("blind-default"));
    }
}
