using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>The tier a unit shows is the one the runtime compiled it at; a warm-up target that throws costs only itself.</summary>
public sealed class TierLabelTests
{
    [Fact]
    public async Task Should_label_each_method_with_the_tier_the_runtime_compiled_it_at_in_a_tier0_run()
    {
        // Given a method marked AggressiveOptimization, one marked NoOptimization, a plain one and a loop with stackalloc, and the runtime told to
        // print its own listing of them (its header names the tier it compiled)
        const string source = """
            using System.Runtime.CompilerServices;

            public static class Marked
            {
                [MethodImpl(MethodImplOptions.AggressiveOptimization)]
                public static int Fast(int[] values)
                {
                    var total = 0;
                    foreach (var value in values) total += value;
                    return total;
                }

                [MethodImpl(MethodImplOptions.NoOptimization)]
                public static int Slow(int x) => x * 3;

                public static int Plain(int x) => x + 1;

                public static int Stacked(int n)
                {
                    System.Span<int> buffer = stackalloc int[8];
                    for (var i = 0; i < buffer.Length; i++) buffer[i] = i * n;
                    return buffer[n & 7];
                }
            }
            """;
        var disasmFile = Path.Combine(Path.GetTempPath(), $"jitlens-tiers-{Guid.NewGuid():N}.txt");
        var pipeline = new InspectionPipeline(
        [
            new CompileStage(),
            new JitCaptureStage
            {
                AwaitHostExit = true,
                HostEnvironment = new Dictionary<string, string> { ["DOTNET_JitDisasm"] = "Fast Slow Plain Stacked", ["DOTNET_JitStdOutFile"] = disasmFile },
            },
        ]);

        try
        {
            // When it is inspected at Tier0
            var result = await CSharpInspection.RunAsync("Marked.cs", source, tier: JitTier.Tier0, pipeline: pipeline);
            var runtime = RuntimeListing.ParseAll(await File.ReadAllTextAsync(disasmFile));

            // Then each unit's tier is the runtime's: FullOpts, MinOpts, Tier0
            string RuntimeTier(string name) => runtime.Single(l => l.Header.Contains($":{name}(", StringComparison.Ordinal)).Tier;
            Assert.Equal("FullOpts", RuntimeTier("Fast"));
            Assert.Equal("FullOpts", result.Method("Marked.Fast(").Tier);
            Assert.Equal("MinOpts", RuntimeTier("Slow"));
            Assert.Equal("MinOpts", result.Method("Marked.Slow(").Tier);
            Assert.Equal("Tier0", RuntimeTier("Plain"));
            Assert.Equal("Tier0", result.Method("Marked.Plain(").Tier);

            // And a method the JIT itself switched to full optimization at Tier0 (a loop with stackalloc: OSR cannot leave it)
            Assert.Equal("Tier0-FullOpts", RuntimeTier("Stacked"));
            Assert.Equal("FullOpts", result.Method("Marked.Stacked(").Tier);
        }
        finally
        {
            File.Delete(disasmFile);
        }
    }

    [Fact]
    public async Task Should_note_a_warm_up_target_that_throws_and_show_the_other_methods_at_tier1_pgo()
    {
        // Given no Main, a static parameterless method that throws, and one that works
        const string source = """
            public static class Mixed
            {
                public static void Broken() => throw new System.InvalidOperationException("not configured");

                public static int Works()
                {
                    var total = 0;
                    for (var i = 0; i < 100; i++) total += i;
                    return total;
                }
            }
            """;

        // When it is inspected at Tier1-PGO
        // (A short limit: only the note and the other method's code are asserted, not how far tiering got.)
        var result = await CSharpInspection.RunAsync("Mixed.cs", source, tier: JitTier.Tier1Pgo, timeout: TimeSpan.FromSeconds(30));

        // Then the run succeeds: the throwing method says why it stopped being called, the other one shows its code
        var broken = result.Method("Mixed.Broken(");
        Assert.Contains(broken.Notes, n => n.Contains("warm-up stopped calling this method", StringComparison.Ordinal) && n.Contains("InvalidOperationException", StringComparison.Ordinal) && n.Contains("not configured", StringComparison.Ordinal));
        var works = result.Method("Mixed.Works(");
        Assert.NotEmpty(works.Asm());
        Assert.DoesNotContain(works.Notes, n => n.Contains("warm-up stopped", StringComparison.Ordinal));
    }
}
