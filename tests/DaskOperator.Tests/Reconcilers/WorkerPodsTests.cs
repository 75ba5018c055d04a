using DaskOperator.DaskProtocol;
using DaskOperator.Reconcilers;
using k8s.Models;

namespace DaskOperator.Tests.Reconcilers;

public class WorkerPodsTests
{
    private static V1Pod Pod(string name, string ip) => new() { Metadata = new V1ObjectMeta { Name = name }, Status = new V1PodStatus { PodIP = ip } };

    [Fact]
    public void Should_match_workers_to_pods_by_name_then_by_pod_ip_and_ignore_workers_of_other_groups()
    {
        // Given two pods of this group and three scheduler workers, one of another group
        var a = Pod("g-worker-a", "10.0.0.1");
        var b = Pod("g-worker-b", "10.0.0.2");
        var workers = new[]
        {
            new SchedulerWorker("tcp://10.0.0.1:4000", "g-worker-a", "10.0.0.1"),
            new SchedulerWorker("tcp://10.0.0.2:4000", "tcp://10.0.0.2:4000", "10.0.0.2"),
            new SchedulerWorker("tcp://10.0.0.9:4000", "other-worker-z", "10.0.0.9"),
        };

        // When they are matched
        var match = WorkerPods.Match([a, b], workers);

        // Then the named worker maps by name, the unnamed one by IP, and the foreign one not at all
        Assert.Equal(2, match.Count);
        Assert.Same(a, match["tcp://10.0.0.1:4000"]);
        Assert.Same(b, match["tcp://10.0.0.2:4000"]);
    }
}
