using DaskOperator.Controller;
using DaskOperator.Reconcilers;
using k8s.Models;

namespace DaskOperator.Tests.Reconcilers;

public class RunnerFailuresTests
{
    private static V1Pod Runner(string? before, string phase, params int[] restarts) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "job-runner",
            Annotations = before is null ? null : new Dictionary<string, string> { [Labels.PreviousFailures] = before },
        },
        Status = new V1PodStatus
        {
            Phase = phase,
            ContainerStatuses = restarts.Select((r, i) => new V1ContainerStatus { Name = $"c{i}", RestartCount = r }).ToList(),
        },
    };

    [Fact]
    public void Should_count_earlier_runners_restarts_in_place_and_a_failed_pod()
    {
        // Given runners with restartPolicy Never (a failed pod is one failure) and OnFailure (each restart is one)
        // Then the count adds the failures before this pod, its restarts, and its own failure
        Assert.Equal(0, RunnerFailures.Of(Runner(null, "Running", 0)));
        Assert.Equal(1, RunnerFailures.Of(Runner(null, "Failed", 0)));
        Assert.Equal(3, RunnerFailures.Of(Runner("2", "Failed", 0)));
        Assert.Equal(2, RunnerFailures.Of(Runner(null, "Running", 2)));
        Assert.Equal(4, RunnerFailures.Of(Runner("1", "Running", 1, 2)));
        Assert.Equal(1, RunnerFailures.Of(Runner("1", "Succeeded", 0)));
    }
}
