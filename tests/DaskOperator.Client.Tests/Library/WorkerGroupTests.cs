using System.Text.Json;
using DaskOperator.Client;
using DaskOperator.Tests.Support;
using k8s.Models;

namespace DaskOperator.Client.Tests.Library;

[Collection(ClientClusterGroup.Name)]
public class WorkerGroupTests(ClientCluster fixture)
{
    [SkippableFact]
    public async Task Given_a_cluster_When_a_gpu_group_is_added_both_groups_adapt_and_the_gpu_group_is_deleted_Then_gpu_tasks_run_there_and_the_groups_follow()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        var k8s = fixture.K8s;
        await using var cluster = await KubeCluster.CreateAsync("groups", fixture.Options(workers: 1));

        // When a group whose worker offers GPU=1 (and asks Kubernetes for a GPU) is added
        await cluster.AddWorkerGroupAsync("gpu", new WorkerGroupOptions
        {
            Workers = 1,
            ThreadsPerWorker = 1,
            DaskResources = new Dictionary<string, double> { ["GPU"] = 1 },
            Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = new("1") } },
        });
        await cluster.WaitForWorkersAsync(2, DaskTestCluster.Patience);

        // Then GPU-annotated tasks run only on the gpu group's worker
        var output = await PythonDask.RunScriptAsync("compute_on_groups.py", cluster.SchedulerAddress);
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(210, result.GetProperty("total").GetInt32());
        Assert.Equal(await k8s.RunningWorkersAsync("groups-gpu"), result.GetProperty("gpu_workers").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.Equal(["default", "gpu"], (await cluster.ListWorkerGroupsAsync()).Select(g => g.Name));

        // When the default group adapts between 2 and 3 workers
        await cluster.AdaptAsync(2, 3);

        // Then a DaskAutoscaler named like the cluster exists, and the operator brings the default group up to its minimum
        var scaler = await k8s.GetJsonAsync("get", "daskautoscaler", "groups");
        Assert.Equal("groups", scaler.GetProperty("spec").GetProperty("cluster").GetString());
        Assert.Equal(2, scaler.GetProperty("spec").GetProperty("minimum").GetInt32());
        Assert.Equal(3, scaler.GetProperty("spec").GetProperty("maximum").GetInt32());
        await cluster.WaitForWorkersAsync(3, DaskTestCluster.Patience);

        // When the gpu group adapts too, between 2 and 2
        await cluster.AdaptAsync(2, 2, "gpu");

        // Then its own DaskAutoscaler names it in spec.workerGroup, and the operator grows that group alone
        Assert.Equal("groups-gpu", await k8s.KubectlAsync("get", "daskautoscaler", "groups-gpu", "-o", "jsonpath={.spec.workerGroup}"));
        await cluster.WaitForWorkersAsync(4, DaskTestCluster.Patience);
        Assert.Equal(2, (await k8s.RunningWorkersAsync("groups-gpu")).Count);

        // When the default group is scaled by hand and the gpu group is deleted
        await cluster.ScaleAsync(1);
        Assert.Equal("daskautoscaler.kubernetes.dask.org/groups-gpu", (await k8s.KubectlAsync("get", "daskautoscalers", "-o", "name")).Trim());
        await cluster.DeleteWorkerGroupAsync("gpu");

        // Then adaptivity is off, the gpu group and its autoscaler are gone, and the scheduler is left with the one default worker
        Assert.Equal("", (await k8s.KubectlAsync("get", "daskautoscalers", "-o", "name")).Trim());
        Assert.Equal(["default"], (await cluster.ListWorkerGroupsAsync()).Select(g => g.Name));
        await DaskTestCluster.WaitAsync(async () => (await cluster.SchedulerWorkersAsync()).Select(w => w.Name).ToList(),
            names => names.Count == 1 && names[0].StartsWith("groups-default-worker-", StringComparison.Ordinal), "one default worker to remain");

        // And naming a group the cluster does not have, or one Kubernetes would refuse, is one sentence
        var unknown = await Assert.ThrowsAsync<UnknownWorkerGroupException>(() => cluster.ScaleAsync(2, "high-mem"));
        Assert.Equal("Dask cluster 'groups' has no worker group 'high-mem' (it has: default).", unknown.Message);
        var invalid = await Assert.ThrowsAsync<InvalidNameException>(() => cluster.AddWorkerGroupAsync("High_Mem"));
        Assert.Equal("'High_Mem' is not a valid worker group name for cluster 'groups': use at most 56 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit.", invalid.Message);
    }
}
