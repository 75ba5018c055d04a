using DaskOperator.Client;
using DaskOperator.Tests.Support;

namespace DaskOperator.Client.Tests.Library;

[Collection(ClientClusterGroup.Name)]
public class LifecycleTests(ClientCluster fixture)
{
    [SkippableFact]
    public async Task Given_a_created_cluster_with_data_When_it_scales_from_3_to_1_Then_no_key_is_lost_and_dispose_deletes_it()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        var k8s = fixture.K8s;

        // Given a cluster created from options, with three workers the scheduler has registered
        var cluster = await KubeCluster.CreateAsync("life", fixture.Options(workers: 3) with
        {
            Env = new Dictionary<string, string> { ["TEAM"] = "parallel-tools" },
        });
        await using (cluster)
        {
            var progress = new List<WorkerProgress>();
            await cluster.WaitForWorkersAsync(3, DaskTestCluster.Patience, new SynchronousProgress<WorkerProgress>(progress.Add));
            Assert.Equal(3, progress[^1].Registered);
            Assert.True(cluster.ShutdownOnDispose);
            Assert.Equal(await k8s.SchedulerAddressAsync("life"), cluster.SchedulerAddress);
            Assert.Equal(new Uri($"http://{cluster.SchedulerAddress["tcp://".Length..].Split(':')[0]}:8787/status"), cluster.DashboardUri);
            var worker = (await k8s.WorkerPodsAsync("life-default"))[0].Pod;
            Assert.Contains("\"TEAM\"", worker.GetProperty("spec").GetProperty("containers")[0].GetProperty("env").GetRawText(), StringComparison.Ordinal);

            // And fifteen keys published on its workers
            Assert.Equal("15", (await PythonDask.RunScriptAsync("publish_on_group.py", cluster.SchedulerAddress, "data", "life-default-worker-")).Trim().Split('\n')[^1]);

            // When the default group is scaled to one worker
            await cluster.ScaleAsync(1);

            // Then the scheduler keeps one worker and every key is still there
            await DaskTestCluster.WaitAsync(async () => (await cluster.SchedulerWorkersAsync()).Count, n => n == 1, "the scheduler to keep one worker");
            Assert.Equal("15", (await PythonDask.RunScriptAsync("gather_published.py", cluster.SchedulerAddress, "data")).Trim().Split('\n')[^1]);
            Assert.Equal("1", await k8s.KubectlAsync("get", "daskcluster", "life", "-o", "jsonpath={.spec.worker.replicas}"));

            // And another client connects to it by name (through the scheduler, or through the API server alone), finds the same scheduler, and leaves it running when disposed
            await using (var connected = await KubeCluster.ConnectAsync("life", fixture.Options()))
            {
                Assert.False(connected.ShutdownOnDispose);
                Assert.Equal(cluster.SchedulerAddress, connected.SchedulerAddress);
                Assert.Equal(["default"], (await connected.ListWorkerGroupsAsync()).Select(g => g.Name));
            }
            Assert.Contains("life", await k8s.KubectlAsync("get", "daskclusters", "-o", "name"), StringComparison.Ordinal);
            await using (var managing = await KubeCluster.ConnectAsync("life", fixture.Options() with { ConnectToScheduler = false }))
            {
                Assert.Equal(cluster.SchedulerAddress, managing.SchedulerAddress);
            }

            // And the logs hold the scheduler's and the worker's output, and the list shows the cluster running
            var logs = await cluster.GetLogsAsync();
            Assert.Equal("life-scheduler", logs.Keys.First());
            Assert.Contains("Scheduler at:", logs["life-scheduler"], StringComparison.Ordinal);
            Assert.Contains(logs, l => l.Key.StartsWith("life-default-worker-", StringComparison.Ordinal) && l.Value.Contains("Registered to:", StringComparison.Ordinal));
            var listed = Assert.Single(await KubeCluster.ListAsync(fixture.Options()), c => c.Name == "life");
            Assert.Equal("Running", listed.Phase);
            Assert.Equal(1, Assert.Single(listed.WorkerGroups).Workers);
        }

        // Then disposing the creator deleted the cluster and its pods
        Assert.DoesNotContain("life", await k8s.KubectlAsync("get", "daskclusters", "-o", "name"), StringComparison.Ordinal);
        await DaskTestCluster.WaitAsync(() => k8s.GetJsonAsync("get", "pods", "-l", "dask.org/cluster-name=life"),
            pods => pods.GetProperty("items").GetArrayLength() == 0, "the cluster's pods to go");
    }
}

/// <summary>Reports on the caller's thread, so the test sees every report before the wait returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
