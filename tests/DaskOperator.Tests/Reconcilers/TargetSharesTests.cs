using DaskOperator.Crds;
using DaskOperator.Reconcilers;
using k8s.Models;

namespace DaskOperator.Tests.Reconcilers;

public class TargetSharesTests
{
    private static DaskWorkerGroup Group(string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new DaskWorkerGroupSpec { Cluster = "c", Worker = new WorkerTemplate { Replicas = replicas } },
    };

    private static DaskAutoscaler Scaler(string name, string? group, int min, int max, int ageSeconds = 60) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, CreationTimestamp = DateTime.UtcNow.AddSeconds(-ageSeconds) },
        Spec = new DaskAutoscalerSpec { Cluster = "c", WorkerGroup = group, Minimum = min, Maximum = max },
    };

    [Fact]
    public void Should_give_two_autoscaled_groups_the_same_split_whatever_their_current_sizes()
    {
        // Given two autoscaled groups and a third without an autoscaler holding two workers
        DaskAutoscaler[] scalers = [Scaler("a", null, 1, 3), Scaler("b", "gpu", 1, 4)];
        var small = TargetShares.Assign("c", [Group("c-default", 1), Group("c-gpu", 1), Group("c-cpu", 2)], scalers);
        var large = TargetShares.Assign("c", [Group("c-default", 3), Group("c-gpu", 4), Group("c-cpu", 2)], scalers);

        // When the scheduler wants 7 workers, Then the 5 beyond the other group are dealt out from the minimums, both ways alike
        Assert.Equal((3, 2), (small.Share("a", 7), small.Share("b", 7)));
        Assert.Equal((3, 2), (large.Share("a", 7), large.Share("b", 7)));

        // And a target beyond both maximums gives each its maximum, one below the others' workers gives each its minimum
        Assert.Equal((3, 4), (small.Share("a", 50), small.Share("b", 50)));
        Assert.Equal((1, 1), (small.Share("a", 1), small.Share("b", 1)));
    }

    [Fact]
    public void Should_resolve_groups_by_name_or_short_name_and_leave_a_second_autoscaler_of_one_group_out()
    {
        // Given autoscalers naming the default group, a group by its full and short name, and an unknown group
        var shares = TargetShares.Assign("c", [Group("c-default", 1), Group("c-gpu", 1)],
            [Scaler("old", "gpu", 0, 5, ageSeconds: 120), Scaler("new", "c-gpu", 0, 5), Scaler("d", null, 0, 5), Scaler("x", "nope", 0, 5)]);

        // Then each resolves, the younger one of the GPU group is a duplicate, and the unknown one has no group
        Assert.Equal("c-gpu", shares.GroupOf["old"].Metadata.Name);
        Assert.Equal("c-gpu", shares.GroupOf["new"].Metadata.Name);
        Assert.Equal("c-default", shares.GroupOf["d"].Metadata.Name);
        Assert.False(shares.GroupOf.ContainsKey("x"));
        Assert.Equal(["new"], shares.Duplicates);
    }
}
