using JitLens.Capture;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>
/// A reserve of JIT hosts, as the Jupyter kernel keeps one: each inspection gets a host of its own (ready ahead of time
/// when the tier matches), so nothing of an earlier input shows up in a later one.
/// </summary>
public sealed class JitHostReserveTests : IDisposable
{
    private readonly JitHostReserve _reserve = new();

    [Fact]
    public async Task Should_show_each_edit_of_a_method_when_inspections_follow_each_other()
    {
        // Given a reserve prepared for optimized inspections, and a pipeline that takes its hosts from it
        _reserve.Prepare(new InspectRequest { Inputs = [], Views = ["il", "asm"] });
        var pipeline = new InspectionPipeline([new ReservedJitHostStage(_reserve), .. PipelineStages.All]);

        // When the same method is inspected three times, edited in between
        var results = new List<IReadOnlyList<string>>();
        foreach (var constant in new[] { 1000003, 2000003, 3000003 })
        {
            var result = await CSharpInspection.RunAsync("Edited.cs", Source(constant), pipeline: pipeline);
            results.Add(result.Method("Edited.Scale(").Asm());
        }

        // Then each listing multiplies by its own constant and by no earlier one
        Assert.Contains(results[0], i => i.Contains("0xf4243", StringComparison.Ordinal));
        Assert.Contains(results[1], i => i.Contains("0x1e8483", StringComparison.Ordinal));
        Assert.Contains(results[2], i => i.Contains("0x2dc6c3", StringComparison.Ordinal));
        Assert.DoesNotContain(results[2], i => i.Contains("0xf4243", StringComparison.Ordinal) || i.Contains("0x1e8483", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_start_a_host_of_the_asked_tier_when_the_spare_is_of_another()
    {
        // Given a reserve whose spare is for optimized code
        _reserve.Prepare(new InspectRequest { Inputs = [], Views = ["il", "asm"] });
        var pipeline = new InspectionPipeline([new ReservedJitHostStage(_reserve), .. PipelineStages.All]);

        // When Tier0 code is asked for, then optimized code again
        var tier0 = await CSharpInspection.RunAsync("Edited.cs", Source(7), tier: JitTier.Tier0, pipeline: pipeline);
        var optimized = await CSharpInspection.RunAsync("Edited.cs", Source(7), pipeline: pipeline);

        // Then each comes in its tier
        Assert.Equal("Tier0", tier0.Method("Edited.Scale(").Tier);
        Assert.Equal("FullOpts", optimized.Method("Edited.Scale(").Tier);
    }

    public void Dispose() => _reserve.Dispose();

    private static string Source(int constant) => $$"""
        public static class Edited
        {
            public static int Scale(int v) => v * {{constant}};
        }
        """;
}
