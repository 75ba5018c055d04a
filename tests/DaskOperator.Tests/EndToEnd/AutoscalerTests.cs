using System.Text.RegularExpressions;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public partial class AutoscalerTests
{
    [SkippableFact]
    public async Task Given_two_groups_with_their_own_autoscalers_When_the_scheduler_is_idle_Then_each_steps_down_to_its_minimum_through_retirement_without_fighting()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();

        // Given a cluster whose default group and GPU group have three workers each, the GPU workers holding 15 published keys
        await k8s.ApplyAsync(Manifests.Cluster("pair", 3, nanny: false));
        await k8s.ApplyAsync(Manifests.GpuGroup("pair", "pair-gpu", 3, nanny: false));
        await k8s.WaitForSchedulerWorkersAsync("pair", 6);
        var address = await k8s.SchedulerAddressAsync("pair");
        Assert.Equal("15", (await PythonDask.RunScriptAsync("publish_on_group.py", address, "data", "pair-gpu-worker-")).Trim().Split('\n')[^1]);

        // When each group gets its own autoscaler (the GPU one naming its group without the cluster prefix), minimum 1
        await k8s.ApplyAsync(Manifests.GroupAutoscaler("pair-default", "pair", "pair-default", 1, 3));
        await k8s.ApplyAsync(Manifests.GroupAutoscaler("pair-gpu", "pair", "gpu", 1, 3));

        // Then both groups come down to one worker each, and the scheduler keeps every key (retired, not killed)
        foreach (var group in new[] { "pair-default", "pair-gpu" })
        {
            await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskworkergroup", group, "{.spec.worker.replicas}"), s => s == "1", $"{group} to reach its minimum");
        }
        await k8s.WaitForSchedulerWorkersAsync("pair", 2);
        Assert.Equal("15", (await PythonDask.RunScriptAsync("gather_published.py", address, "data")).Trim().Split('\n')[^1]);
        Assert.Contains(await k8s.EventsAsync("pair-gpu"), e => e.Reason == "WorkersRetired");

        // And each autoscaler only ever stepped its own group down, by at most half per step (3 → 2 → 1): no fight
        foreach (var (scaler, group) in new[] { ("pair-default", "pair-default"), ("pair-gpu", "pair-gpu") })
        {
            var steps = (await k8s.EventsAsync(scaler)).Where(e => e.Reason == "Autoscaled")
                .Select(e => StepPattern().Match(e.Message)).Select(m => (m.Groups["group"].Value, m.Groups["from"].Value, m.Groups["to"].Value)).ToList();
            Assert.Equal([(group, "3", "2"), (group, "2", "1")], steps);
            Assert.Equal("Running", await k8s.JsonPathAsync("daskautoscaler", scaler, "{.status.phase}"));
        }
    }

    [GeneratedRegex("Set (?<group>\\S+) from (?<from>\\d+) to (?<to>\\d+)")]
    private static partial Regex StepPattern();
}
