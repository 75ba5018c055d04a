using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public class BadInputTests
{
    [SkippableFact]
    public async Task Given_a_load_balancer_cluster_When_bad_input_is_applied_beside_it_Then_each_is_refused_or_errs_in_one_sentence_and_the_cluster_waits_only_for_its_ingress()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given a cluster behind a LoadBalancer service whose scheduler and worker run
        await k8s.ApplyFileAsync("loadbalancer-cluster.yaml");
        await k8s.WaitForSchedulerWorkersAsync("lb", 1);
        var workers = await k8s.RunningWorkersAsync("lb-default");

        // Then it stays Pending while its service has no ingress address, and a condition says so
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskcluster", "lb", "{.status.conditions[?(@.type==\"ServiceReachable\")].reason}"),
            s => s == "WaitingForIngress", "the cluster to wait for its ingress");
        Assert.Equal("Pending", await k8s.JsonPathAsync("daskcluster", "lb", "{.status.phase}"));

        // When a negative backoffLimit is applied, Then the CRD schema refuses it with kubectl's one-line error
        var refused = await k8s.Cluster.RunKubectlAsync("apply", "-f", DaskTestCluster.ResourceFile("negative-backoff-job.yaml"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("spec.backoffLimit", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("greater than or equal to 0", refused.StandardError, StringComparison.Ordinal);

        // When clusters with invalid names and autoscalers with impossible specs are applied
        await k8s.ApplyFileAsync("invalid-input.yaml");

        // Then each invalid cluster gets phase Error and a Warning Event saying why, and nothing is created for it
        foreach (var name in new[] { "a-cluster-name-that-is-far-too-long-for-its-scheduler-service", "dotted.name" })
        {
            await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskcluster", name, "{.status.phase}"), s => s == "Error", $"{name} to be an Error");
            var (reason, message) = Assert.Single(await k8s.EventsAsync(name));
            Assert.Equal("InvalidName", reason);
            Assert.StartsWith($"The DaskCluster name '{name}' is invalid: it must be at most 53 characters", message, StringComparison.Ordinal);
            Assert.Empty((await k8s.KubectlAsync("get", "pods,services,daskworkergroups", "-l", $"dask.org/cluster-name={name}", "-o", "name")).Trim());
        }

        // And each impossible autoscaler gets phase Error with one sentence in its condition and a Warning Event
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskautoscaler", "inverted", "{.status.phase}"), s => s == "Error", "the inverted autoscaler to err");
        Assert.Equal("The minimum 3 is greater than the maximum 1, so no worker count satisfies both.",
            await k8s.JsonPathAsync("daskautoscaler", "inverted", "{.status.conditions[?(@.type==\"Active\")].message}"));
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskautoscaler", "unknown-group", "{.status.phase}"), s => s == "Error", "the autoscaler of an unknown group to err");
        Assert.Equal("DaskWorkerGroup 'no-such-group' does not exist in cluster lb; name one of: lb-default.",
            await k8s.JsonPathAsync("daskautoscaler", "unknown-group", "{.status.conditions[?(@.type==\"Active\")].message}"));
        Assert.Contains(await k8s.EventsAsync("unknown-group"), e => e.Reason == "GroupMissing");

        // And the running cluster is untouched: same workers, same replicas
        Assert.Equal("1", await k8s.JsonPathAsync("daskworkergroup", "lb-default", "{.spec.worker.replicas}"));
        Assert.Equal(workers, await k8s.RunningWorkersAsync("lb-default"));

        // When the load balancer gets its address, Then the cluster is Running
        await k8s.KubectlAsync("patch", "service", "lb-scheduler", "--subresource=status", "--type=merge",
            "-p", """{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.7"}]}}}""");
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskcluster", "lb", "{.status.phase}"), s => s == "Running", "the cluster to run once reachable");
    }
}
