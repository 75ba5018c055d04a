using System.Diagnostics;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public class ShutdownTests
{
    [SkippableFact]
    public async Task Given_a_leading_operator_process_When_it_gets_SIGTERM_Then_it_exits_cleanly_at_once_and_the_standby_takes_over()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync(startOperator: false);

        // Given two operator processes with leader election, the first one leading and reconciling a cluster
        using var leader = OperatorProcess.Start(k8s.Cluster.KubeconfigPath);
        var leaderId = OperatorProcess.IdentityOf(leader);
        await DaskTestCluster.WaitAsync(HolderAsync, h => h == leaderId, "the first operator to lead");
        using var standby = OperatorProcess.Start(k8s.Cluster.KubeconfigPath);
        await k8s.ApplyAsync(Manifests.Cluster("term", 1, nanny: false));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "pods", "-l", "dask.org/cluster-name=term", "-o", "name"),
            s => s.Contains("pod/term-scheduler", StringComparison.Ordinal), "the leader to create the scheduler");

        // When the leader gets SIGTERM, as the kubelet sends it on `kubectl delete pod` or a rollout
        var clock = Stopwatch.StartNew();
        leader.Terminate();
        var code = await leader.WaitAsync(TimeSpan.FromSeconds(30));
        var exitedAfter = clock.Elapsed;

        // Then it exits with 0 well inside a pod's 30 s grace period (watches closed, reconciles drained: at most 5 s)
        Assert.True(code == 0, $"exit code {code}; output:\n{leader.Output}");
        Assert.True(exitedAfter < TimeSpan.FromSeconds(15), $"took {exitedAfter.TotalSeconds:0.0}s to exit; output:\n{leader.Output}");
        Assert.DoesNotContain("   at ", leader.Output, StringComparison.Ordinal);

        // And the lease is released on the way out, not left to expire, so the standby leads and reconciles
        Assert.NotEqual(leaderId, await HolderAsync());
        await DaskTestCluster.WaitAsync(HolderAsync, h => h == OperatorProcess.IdentityOf(standby), "the standby to take the lease");
        await k8s.ApplyAsync(Manifests.Cluster("after", 0, nanny: false));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "pods", "-l", "dask.org/cluster-name=after", "-o", "name"),
            s => s.Contains("pod/after-scheduler", StringComparison.Ordinal), "the new leader to reconcile");

        // And the last operator stops on SIGTERM too
        standby.Terminate();
        Assert.Equal(0, await standby.WaitAsync(TimeSpan.FromSeconds(30)));

        Task<string> HolderAsync() => k8s.KubectlAsync("get", "lease", "dask-operator-leader", "-o", "jsonpath={.spec.holderIdentity}");
    }
}
