using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

/// <summary>The README's "YAML + kubectl" path, exactly as written: samples/dask-cluster/cluster.yaml applied by the real kubectl.</summary>
[Collection(EndToEndGroup.Name)]
public class SampleManifestTests
{
    [SkippableFact]
    public async Task Given_the_sample_manifest_applied_with_kubectl_When_the_sample_runs_gpu_tasks_Then_they_land_on_the_gpu_group()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given samples/dask-cluster/cluster.yaml: two default workers and a gpu group of one, applied unchanged
        await k8s.KubectlAsync("apply", "-f", Repository.Path("samples", "dask-cluster", "cluster.yaml"));
        await k8s.WaitForSchedulerWorkersAsync("demo", 3);

        // When samples/dask-cluster/gpu_tasks.py runs against the scheduler
        var placement = await SampleGpuTasks.RunAsync(await k8s.SchedulerAddressAsync("demo"));

        // Then the GPU-annotated tasks ran only on the gpu group's worker, and the rest computed correctly
        Assert.Equal(await k8s.RunningWorkersAsync("demo-gpu"), placement.GpuTasksRanOn);
        Assert.Equal(210, placement.Total);
    }
}
