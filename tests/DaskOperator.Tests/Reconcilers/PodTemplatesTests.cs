using DaskOperator.Controller;
using DaskOperator.Crds;
using DaskOperator.Reconcilers;
using k8s;
using k8s.Models;

namespace DaskOperator.Tests.Reconcilers;

public class PodTemplatesTests
{
    private static DaskWorkerGroup Group() => DaskJson.Deserialize<DaskWorkerGroup>("""
        {"apiVersion":"kubernetes.dask.org/v1","kind":"DaskWorkerGroup",
         "metadata":{"name":"gpu","namespace":"team","uid":"u-1","annotations":{"example.org/a":"1","kubectl.kubernetes.io/last-applied-configuration":"{}"}},
         "spec":{"cluster":"demo","worker":{"replicas":2,"metadata":{"labels":{"tier":"gpu"}},
           "spec":{"containers":[{"name":"worker","image":"dask","args":["dask-worker","--name","$(DASK_WORKER_NAME)"],
             "env":[{"name":"DASK_SCHEDULER_ADDRESS","value":"user-value"},{"name":"TEAM","value":"x"}]}]}}}}
        """);

    [Fact]
    public void Should_label_name_and_configure_a_worker_pod_as_dask_kubernetes_does()
    {
        // Given a worker group of cluster "demo" in namespace "team"
        var group = Group();

        // When a worker pod is built
        var pod = PodTemplates.WorkerPod(group, "gpu-worker-0123456789", 8786, "hash1");

        // Then labels, owner, env and annotations are the dask-kubernetes ones, user labels/annotations carry over,
        // and the user's own DASK_SCHEDULER_ADDRESS is kept (dask-kubernetes appends its value only when none is set)
        Assert.Equal("demo", pod.Metadata.Labels[Labels.ClusterName]);
        Assert.Equal("gpu", pod.Metadata.Labels[Labels.WorkerGroupName]);
        Assert.Equal("worker", pod.Metadata.Labels[Labels.Component]);
        Assert.Equal("gpu", pod.Metadata.Labels["tier"]);
        Assert.Equal("1", pod.Metadata.Annotations["example.org/a"]);
        Assert.False(pod.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
        Assert.Equal("hash1", pod.Metadata.Annotations[Labels.SpecHash]);
        Assert.Equal("u-1", Assert.Single(pod.Metadata.OwnerReferences).Uid);
        var env = pod.Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("gpu-worker-0123456789", env["DASK_WORKER_NAME"]);
        Assert.Equal("user-value", env["DASK_SCHEDULER_ADDRESS"]);
        Assert.Equal("x", env["TEAM"]);
        Assert.Single(pod.Spec.Containers[0].Env, e => e.Name == "DASK_SCHEDULER_ADDRESS");
    }

    [Fact]
    public void Should_leave_the_group_spec_untouched_when_building_pods()
    {
        // Given a group
        var group = Group();

        // When a pod is built from it, Then the group's own template still has only the user's env
        PodTemplates.WorkerPod(group, "gpu-worker-a", 8786, "h");
        Assert.Equal(2, group.Spec.Worker.Spec.Containers[0].Env.Count);
    }

    [Fact]
    public void Should_change_the_spec_hash_when_env_changes_and_only_then()
    {
        // Given two identical groups
        var a = Group();
        var b = Group();
        Assert.Equal(SpecHash.Of(a.Spec.Worker.Metadata, a.Spec.Worker.Spec), SpecHash.Of(b.Spec.Worker.Metadata, b.Spec.Worker.Spec));

        // When one's env changes, Then the hashes differ (pods of the old template get rolled)
        b.Spec.Worker.Spec.Containers[0].Env[1].Value = "y";
        Assert.NotEqual(SpecHash.Of(a.Spec.Worker.Metadata, a.Spec.Worker.Spec), SpecHash.Of(b.Spec.Worker.Metadata, b.Spec.Worker.Spec));
    }

    [Fact]
    public void Should_find_the_comm_port_by_name_then_first_then_default()
    {
        Assert.Equal(9000, PodTemplates.CommPort(new V1ServiceSpec { Ports = [new V1ServicePort { Port = 8787, Name = "http-dashboard" }, new V1ServicePort { Port = 9000, Name = "tcp-comm" }] }));
        Assert.Equal(8787, PodTemplates.CommPort(new V1ServiceSpec { Ports = [new V1ServicePort { Port = 8787 }] }));
        Assert.Equal(8786, PodTemplates.CommPort(new V1ServiceSpec()));
    }
}
