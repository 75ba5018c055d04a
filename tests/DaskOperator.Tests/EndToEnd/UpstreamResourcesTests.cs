using System.Text.Json;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

/// <summary>Resources written the way dask-kubernetes documents them, applied with kubectl unchanged.</summary>
[Collection(EndToEndGroup.Name)]
public class UpstreamResourcesTests
{
    [SkippableFact]
    public async Task Given_a_labelled_cluster_and_a_group_naming_its_own_workers_Then_metadata_reaches_every_child_and_the_users_env_is_kept()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given a NodePort DaskCluster with top-level labels and annotations plus sub-metadata, and a group that sets
        // DASK_WORKER_NAME and DASK_SCHEDULER_ADDRESS itself
        await k8s.ApplyFileAsync("labelled-cluster.yaml");

        // Then both groups' workers register with the scheduler, the extra one under the name its user gave it
        await k8s.WaitForSchedulerWorkersAsync("labelled", 2);
        var names = await PythonDask.RunScriptAsync("worker_names.py", await k8s.SchedulerAddressAsync("labelled"));
        Assert.Contains("highmem-worker", names, StringComparison.Ordinal);

        // And the cluster's labels and annotations reach its group, scheduler pod, service and workers, with the
        // sub-metadata of each template on top, but never kopf's or kubectl's bookkeeping annotations
        var group = Metadata(await k8s.GetJsonAsync("get", "daskworkergroup", "labelled-default"));
        var scheduler = Metadata(await k8s.GetJsonAsync("get", "pod", "labelled-scheduler"));
        var service = Metadata(await k8s.GetJsonAsync("get", "service", "labelled-scheduler"));
        var worker = Metadata((await k8s.WorkerPodsAsync("labelled-default"))[0].Pod);
        foreach (var child in new[] { group, scheduler, service, worker })
        {
            Assert.Equal("analytics", child.Labels["team"]);
            Assert.Equal("4711", child.Annotations["example.org/cost-centre"]);
            Assert.DoesNotContain(child.Annotations.Keys, k => k.StartsWith("kopf.zalando.org/", StringComparison.Ordinal));
            Assert.DoesNotContain(child.Annotations.Keys, k => k.StartsWith("kubectl.kubernetes.io/", StringComparison.Ordinal));
        }
        Assert.Equal("worker", group.Labels["role"]);
        Assert.Equal("default-group", group.Annotations["example.org/worker-note"]);
        Assert.Equal(("worker", "default-group"), (worker.Labels["role"], worker.Annotations["example.org/worker-note"]));
        Assert.Equal(("scheduler", "scheduler"), (scheduler.Labels["role"], scheduler.Annotations["example.org/scheduler-note"]));
        Assert.Equal(("scheduler", "scheduler"), (service.Labels["role"], service.Annotations["example.org/scheduler-note"]));

        // And the scheduler service carries the component label that monitors and clients select it by
        Assert.Equal("scheduler", service.Labels["dask.org/component"]);
        Assert.Equal("labelled", service.Labels["dask.org/cluster-name"]);

        // And a group's own labels reach its workers, whose user-set env is kept as written
        var (_, _, highmem) = Assert.Single(await k8s.WorkerPodsAsync("labelled-highmem"));
        var highmemMeta = Metadata(highmem);
        Assert.Equal("highmem", highmemMeta.Labels["tier"]);
        Assert.Equal("highmem", highmemMeta.Annotations["example.org/group-note"]);
        Assert.DoesNotContain(highmemMeta.Annotations.Keys, k => k.StartsWith("kubectl.kubernetes.io/", StringComparison.Ordinal));
        var env = highmem.GetProperty("spec").GetProperty("containers")[0].GetProperty("env").EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("value").GetString())).ToList();
        Assert.Equal([("DASK_WORKER_NAME", "highmem-worker"), ("DASK_SCHEDULER_ADDRESS", "tcp://labelled-scheduler:8786")], env);

        // And the NodePort cluster runs
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskcluster", "labelled", "{.status.phase}"), s => s == "Running", "the cluster to run");
    }

    private static (Dictionary<string, string> Labels, Dictionary<string, string> Annotations) Metadata(JsonElement obj)
    {
        var meta = obj.GetProperty("metadata");
        return (Map(meta, "labels"), Map(meta, "annotations"));

        static Dictionary<string, string> Map(JsonElement meta, string key) => meta.TryGetProperty(key, out var map)
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "") : [];
    }
}
