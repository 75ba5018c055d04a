using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

/// <summary>
/// What the Python <c>KubeCluster</c> relies on, step by step as its documentation describes it: it creates the
/// cluster of make_cluster_spec, waits for status.phase Running, finds the scheduler pod by its labels and phase,
/// connects through the service's named ports, scales and adds groups named &lt;cluster&gt;-&lt;group&gt;, and adapts
/// with an autoscaler named like the cluster whose metadata carries two stray keys.
/// </summary>
[Collection(EndToEndGroup.Name)]
public class KubeClusterContractTests
{
    [SkippableFact]
    public async Task Given_the_cluster_KubeCluster_creates_When_it_connects_scales_adds_a_group_and_adapts_Then_every_step_finds_what_it_expects()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given the DaskCluster of make_cluster_spec("kc", n_workers=1)
        await k8s.ApplyFileAsync("kubecluster-cluster.yaml");

        // Then status.phase becomes Running, and the scheduler pod is found as KubeCluster looks for it, ready
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskcluster", "kc", "{.status.phase}"), s => s == "Running", "status.phase Running");
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "pods", "-l", "dask.org/component=scheduler,dask.org/cluster-name=kc",
                "--field-selector", "status.phase=Running", "-o", "jsonpath={.items[*].metadata.name}:{.items[*].status.conditions[?(@.type==\"Ready\")].status}"),
            s => s == "kc-scheduler:True", "the running, ready scheduler pod");

        // And the service kc-scheduler has the ports it connects through, by name
        var ports = await k8s.JsonPathAsync("service", "kc-scheduler", "{range .spec.ports[*]}{.name}={.port} {end}");
        Assert.Equal("tcp-comm=8786 http-dashboard=8787", ports.Trim());
        await k8s.WaitForSchedulerWorkersAsync("kc", 1);

        // When it scales the default group kc-default by spec.worker.replicas, Then the scheduler gets the workers
        await k8s.KubectlAsync("patch", "daskworkergroup", "kc-default", "--type=merge", "-p", """{"spec":{"worker":{"replicas":2}}}""");
        await k8s.WaitForSchedulerWorkersAsync("kc", 2);

        // When it adds a worker group kc-highmem through the API (no kubectl, no strict field validation)
        await k8s.KubectlAsync("create", "--validate=false", "-f", DaskTestCluster.ResourceFile("kubecluster-workergroup.json"));

        // Then the group is adopted by the cluster and its worker joins the same scheduler
        await k8s.WaitForSchedulerWorkersAsync("kc", 3);
        Assert.Equal("DaskCluster/kc", await k8s.JsonPathAsync("daskworkergroup", "kc-highmem", "{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}"));

        // When it adapts: an autoscaler named like the cluster, with dask.org keys written straight under metadata
        await k8s.KubectlAsync("create", "--validate=false", "-f", DaskTestCluster.ResourceFile("kubecluster-autoscaler.json"));

        // Then the autoscaler is accepted and adopted, and the idle cluster's default group shrinks to the minimum
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskautoscaler", "kc", "{.metadata.ownerReferences[0].name}/{.status.phase}"),
            s => s == "kc/Running", "the autoscaler to be adopted and active");
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskworkergroup", "kc-default", "{.spec.worker.replicas}"), s => s == "1",
            "the default group to follow the autoscaler");
        Assert.Equal("1", await k8s.JsonPathAsync("daskworkergroup", "kc-highmem", "{.spec.worker.replicas}"));
    }
}
