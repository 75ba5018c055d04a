using DaskOperator.Client;
using DaskOperator.Crds;
using DaskOperator.Tests.Support;
using k8s.Models;
using Kubernetes.TestServer;

namespace DaskOperator.Client.Tests.Library;

[Collection(ClientClusterGroup.Name)]
public class ErrorTests(ClientCluster fixture)
{
    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("9lives")]
    [InlineData("a-name-that-is-far-too-long-for-the-scheduler-service-name")]
    public async Task Should_refuse_a_cluster_name_kubernetes_would_refuse_with_one_sentence(string name)
    {
        // When a cluster is created with a name its scheduler Service could not have
        var error = await Assert.ThrowsAsync<InvalidNameException>(() => KubeCluster.CreateAsync(name, new KubeClusterOptions { KubeConfigPath = "/nonexistent" }));

        // Then the sentence names it and the rule, before anything reaches Kubernetes
        Assert.Equal($"'{name}' is not a valid cluster name: use at most 53 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit.", error.Message);
    }

    [SkippableFact]
    public async Task Given_an_api_server_without_the_dask_crds_When_a_cluster_is_created_Then_the_sentence_says_to_install_them()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);

        // Given an API server where nobody applied the CRDs
        await using var bare = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });

        // When a cluster is created or listed
        var options = new KubeClusterOptions { KubeConfigPath = bare.KubeconfigPath };
        var create = await Assert.ThrowsAsync<CrdsNotInstalledException>(() => KubeCluster.CreateAsync("nocrds", options));
        await Assert.ThrowsAsync<CrdsNotInstalledException>(() => KubeCluster.ListAsync(options));

        // Then the sentence says what is missing and how to install it
        Assert.Equal("The Dask CRDs are not installed (the API server does not serve daskclusters.kubernetes.dask.org/v1): " +
            "install them with `helm install dask-operator charts/dask-operator` or `kubectl apply -f charts/dask-operator/crds`.", create.Message);
    }

    [SkippableFact]
    public async Task Given_a_namespace_no_operator_watches_When_a_cluster_is_created_Then_it_fails_in_time_and_leaves_nothing()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        var k8s = fixture.K8s;

        // Given a namespace the operator (watching "default") does not watch
        await k8s.KubectlAsync("create", "namespace", "unwatched");

        // When a cluster is created there with a short resource timeout
        var error = await Assert.ThrowsAsync<OperatorNotRunningException>(() =>
            KubeCluster.CreateAsync("orphan", fixture.Options(ns: "unwatched") with { ResourceTimeout = TimeSpan.FromSeconds(2) }));

        // Then the sentence asks about the operator, and the DaskCluster it created was deleted again
        Assert.Equal("The DaskCluster 'orphan' got no status.phase Running within 2 s: is the Dask operator running and watching namespace 'unwatched'?", error.Message);
        Assert.Equal("", (await k8s.KubectlAsync("get", "daskclusters", "-n", "unwatched", "-o", "name")).Trim());
    }

    [SkippableFact]
    public async Task Given_a_scheduler_that_cannot_start_When_the_cluster_is_created_Then_the_crash_loop_is_reported_with_its_last_log_lines()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        var k8s = fixture.K8s;

        // Given a full custom spec whose scheduler is started with an option Dask does not know
        var options = fixture.Options(workers: 0) with { CustomSpec = CrashingSpec() };

        // When the cluster is created
        var error = await Assert.ThrowsAsync<SchedulerCrashLoopException>(() => KubeCluster.CreateAsync("crashing", options));

        // Then it says the scheduler is in CrashLoopBackOff and shows what the scheduler printed
        Assert.StartsWith("The scheduler of Dask cluster 'crashing' is in CrashLoopBackOff; its last log lines:", error.Message, StringComparison.Ordinal);
        Assert.True(error.LastLogLines.Any(l => l.Contains("--no-such-option", StringComparison.Ordinal)), error.Message);
        Assert.DoesNotContain("crashing", await k8s.KubectlAsync("get", "daskclusters", "-o", "name"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Given_no_cluster_of_that_name_When_connecting_Then_the_sentence_says_so_and_creating_an_existing_one_says_so_too()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);

        // When a client connects to a name nobody created
        var missing = await Assert.ThrowsAsync<ClusterNotFoundException>(() => KubeCluster.ConnectAsync("nobody", fixture.Options()));

        // Then one sentence says there is none
        Assert.Equal("There is no DaskCluster named 'nobody' in namespace 'default'.", missing.Message);

        // And creating a cluster that exists is refused, while create-or-connect connects to it
        await using var first = await KubeCluster.CreateAsync("twice", fixture.Options(workers: 0));
        var exists = await Assert.ThrowsAsync<ClusterExistsException>(() => KubeCluster.CreateAsync("twice", fixture.Options(workers: 0)));
        Assert.Equal("A DaskCluster named 'twice' already exists in namespace 'default'; connect to it instead.", exists.Message);
        await using var second = await KubeCluster.CreateOrConnectAsync("twice", fixture.Options(workers: 0));
        Assert.False(second.ShutdownOnDispose);
        Assert.Equal(first.SchedulerAddress, second.SchedulerAddress);

        // And waiting for a worker a cluster of none never gets ends in time with one sentence
        var timeout = await Assert.ThrowsAsync<WorkersTimeoutException>(() => first.WaitForWorkersAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal("Dask cluster 'twice' has 0 of 1 workers after 1 s (0 worker pods running, 0 waiting).", timeout.Message);
    }

    private static DaskClusterSpec CrashingSpec() => new()
    {
        Worker = new WorkerTemplate
        {
            Replicas = 0,
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "worker", Image = "ghcr.io/dask/dask:latest", Args = ["dask-worker"] }] },
        },
        Scheduler = new SchedulerTemplate
        {
            Spec = new V1PodSpec
            {
                Containers = [new V1Container { Name = "scheduler", Image = "ghcr.io/dask/dask:latest", Args = ["dask-scheduler", "--no-such-option"] }],
            },
            Service = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "tcp-comm", Port = 8786, TargetPort = 8786 }] },
        },
    };
}
