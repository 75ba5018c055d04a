using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public class ResilienceTests
{
    [SkippableFact]
    public async Task Given_a_scale_down_in_flight_When_watches_drop_and_the_operator_restarts_Then_it_converges_without_losing_data()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given three workers holding 15 published keys
        await k8s.ApplyAsync(Manifests.Cluster("res", 3));
        await k8s.WaitForSchedulerWorkersAsync("res", 3);
        var address = await k8s.SchedulerAddressAsync("res");
        await PythonDask.RunScriptAsync("publish_on_group.py", address, "data", "res-default-worker-");

        // When a scale to one starts, every watch is dropped, and the operator is restarted mid-way
        await k8s.KubectlAsync("scale", "daskcluster", "res", "--replicas=1");
        k8s.Cluster.DropWatches();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await k8s.StopOperatorAsync();
        k8s.Cluster.DropWatches();
        k8s.StartOperator();

        // Then the group converges on one worker and every key is still retrievable
        await DaskTestCluster.WaitAsync(() => k8s.WorkerPodsAsync("res-default"), p => p.Count == 1, "one worker pod");
        await k8s.WaitForSchedulerWorkersAsync("res", 1);
        Assert.Equal("15", (await PythonDask.RunScriptAsync("gather_published.py", address, "data")).Trim().Split('\n')[^1]);

        // And scaling back up while watches drop again also converges
        await k8s.KubectlAsync("scale", "daskcluster", "res", "--replicas=2");
        k8s.Cluster.DropWatches();
        k8s.Cluster.CompactHistory();
        await k8s.WaitForSchedulerWorkersAsync("res", 2);
    }
}
