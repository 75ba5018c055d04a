using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public class LifecycleTests
{
    [SkippableFact]
    public async Task Given_a_running_cluster_When_workers_die_its_env_changes_and_it_is_deleted_Then_each_converges()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();
        await k8s.ApplyAsync(Manifests.Cluster("life", 2, workerRestartPolicy: "Never", nanny: false));
        var workers = await DaskTestCluster.WaitAsync(() => k8s.RunningWorkersAsync("life-default"), p => p.Count == 2, "two running workers");

        // When a worker pod is deleted, Then a new pod replaces it
        await k8s.KubectlAsync("delete", "pod", workers[0], "--wait=false");
        workers = await DaskTestCluster.WaitAsync(() => k8s.RunningWorkersAsync("life-default"), p => p.Count == 2 && !p.Contains(workers[0]),
            "a replacement for the deleted worker");

        // When a worker process is killed (the pod fails: restartPolicy Never), Then the failed pod is replaced too
        Assert.True(k8s.Cluster.KillPodProcess("default", workers[0]));
        await DaskTestCluster.WaitAsync(() => k8s.RunningWorkersAsync("life-default"), p => p.Count == 2 && !p.Contains(workers[0]),
            "a replacement for the failed worker");

        // When the worker env changes, Then every worker pod is replaced by one with the new value
        await k8s.KubectlAsync("patch", "daskcluster", "life", "--type", "json", "-p",
            """[{"op":"replace","path":"/spec/worker/spec/containers/0/env/0/value","value":"rolled-out"}]""");
        await DaskTestCluster.WaitAsync(async () =>
            {
                var pods = await k8s.WorkerPodsAsync("life-default");
                return pods.Select(p => (p.Phase, Team: p.Pod.GetProperty("spec").GetProperty("containers")[0].GetProperty("env")
                    .EnumerateArray().First(e => e.GetProperty("name").GetString() == "TEAM").GetProperty("value").GetString())).ToList();
            },
            pods => pods.Count == 2 && pods.All(p => p.Phase == "Running" && p.Team == "rolled-out"),
            "both workers to run the new env");
        await k8s.WaitForSchedulerWorkersAsync("life", 2);

        // When the cluster is deleted, Then its pods, service and worker groups are all gone
        await k8s.KubectlAsync("delete", "daskcluster", "life", "--timeout=120s");
        await DaskTestCluster.WaitAsync(async () => (await k8s.KubectlAsync("get", "pods,services,daskworkergroups", "-l", "dask.org/cluster-name=life", "-o", "name")).Trim(),
            s => s.Length == 0, "everything of the cluster to be gone");
    }

    [SkippableFact]
    public async Task Given_an_idle_timeout_When_the_scheduler_stays_idle_Then_the_cluster_is_deleted()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given a cluster with idleTimeout 4 s whose scheduler never gets work
        await k8s.ApplyAsync(Manifests.Cluster("idle", 0, idleTimeout: 4));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "daskcluster", "idle", "-o", "jsonpath={.status.idleSince}"),
            s => s.Length > 0, "the operator to notice the idle scheduler");

        // Then the operator deletes it, and its scheduler with it
        await DaskTestCluster.WaitAsync(async () => (await k8s.KubectlAsync("get", "daskclusters,pods", "-o", "name")).Trim(),
            s => s.Length == 0, "the idle cluster to be deleted");
    }

    [SkippableFact]
    public async Task Given_leader_election_When_the_operator_runs_Then_it_holds_the_lease_and_reconciles()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync(startOperator: false);

        // Given an operator that must win a coordination.k8s.io Lease before reconciling
        var running = k8s.StartOperator(leaderElection: true);

        // When a cluster is applied
        await k8s.ApplyAsync(Manifests.Cluster("led", 0));

        // Then the lease names the operator and the scheduler pod exists
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "lease", "dask-operator-leader", "-o", "jsonpath={.spec.holderIdentity}"),
            s => s == running.Identity, "the lease to name the operator");
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "pods", "-l", "dask.org/component=scheduler", "-o", "name"),
            s => s.Trim() == "pod/led-scheduler", "the scheduler pod");
    }
}
