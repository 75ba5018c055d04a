using DaskOperator.Reconcilers;

namespace DaskOperator.Tests.Reconcilers;

public class ClusterNamesTests
{
    [Theory]
    [InlineData("simple", true)]
    [InlineData("a-53-character-name-is-the-longest-one-that-still-fit", true)]
    [InlineData("a-54-character-name-is-one-too-long-for-its-schedulerx", false)]
    [InlineData("MyCluster", false)]
    [InlineData("dotted.name", false)]
    [InlineData("-leading-dash", false)]
    public void Should_accept_only_names_whose_scheduler_service_name_is_valid(string name, bool valid)
    {
        // When a cluster name is checked, Then only RFC 1123 labels of at most 53 characters pass, others get one sentence
        var problem = ClusterNames.Problem("DaskCluster", name);
        Assert.Equal(valid, problem is null);
        if (problem is not null)
        {
            Assert.StartsWith($"The DaskCluster name '{name}' is invalid", problem, StringComparison.Ordinal);
        }
    }
}
