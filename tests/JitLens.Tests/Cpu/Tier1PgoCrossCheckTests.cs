using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>After the Tier1-PGO warm-up, JitLens shows the very body the runtime compiled last: its own listing says so.</summary>
public sealed class Tier1PgoCrossCheckTests
{
    [Fact]
    public async Task Should_show_the_same_instructions_as_the_runtimes_last_JitDisasm_listing_after_the_warm_up()
    {
        // Given the JIT host told to also print every body it compiles of a method the warm-up runs (one method: the
        // listings of two methods compiled on two threads at once can interleave in the file)
        var disasmFile = Path.Combine(Path.GetTempPath(), $"jitlens-jitdisasm-pgo-{Guid.NewGuid():N}.txt");
        var names = new[] { "TotalArea" };
        var pipeline = new InspectionPipeline(
        [
            new CompileStage(),
            new JitCaptureStage
            {
                AwaitHostExit = true,
                HostEnvironment = new Dictionary<string, string>
                {
                    ["DOTNET_JitDisasm"] = string.Join(' ', names),
                    ["DOTNET_JitStdOutFile"] = disasmFile,
                },
            },
        ]);

        try
        {
            // When JitLens inspects the program at Tier1-PGO
            var result = await CSharpInspection.RunAsync("Warm.cs", Tier1PgoSource.Text, tier: JitTier.Tier1Pgo, timeout: TimeSpan.FromSeconds(120), pipeline: pipeline);
            var text = await File.ReadAllTextAsync(disasmFile);
            var runtime = JitDisasmListing.Parse(text);

            // Then its last listing (after Tier0 and instrumented Tier0) is Tier1 with dynamic PGO, and its instructions
            // are JitLens' once labels, call targets and addresses are masked
            foreach (var name in names)
            {
                var unit = result.Method($"Warm.Program.{name}(");
                Assert.Equal("Tier1-PGO", unit.Tier);
                Assert.True(runtime.ContainsKey(name), $"The runtime printed no listing for {name}.");
                Assert.Contains("(Tier1)", LastHeader(text, name), StringComparison.Ordinal);
                Assert.Contains("; optimized using Dynamic PGO", text, StringComparison.Ordinal);
                var ours = unit.Views["asm"].Instructions.Select(i => i.Text);
                var expected = JitDisasmListing.Normalize(runtime[name]);
                var actual = JitDisasmListing.Normalize(ours);
                Assert.True(expected.SequenceEqual(actual), $"{name} differs.\nThe runtime's listing file:\n{text}\nJitLens:\n{string.Join('\n', actual)}");
            }
        }
        finally
        {
            File.Delete(disasmFile);
        }
    }

    /// <summary>The header of the last listing the runtime printed for <paramref name="name"/>, e.g. "... :Sum(int[]):int (Tier1)".</summary>
    private static string LastHeader(string text, string name) =>
        text.Split('\n').Last(l => l.StartsWith("; Assembly listing for method ", StringComparison.Ordinal) && l.Contains($":{name}(", StringComparison.Ordinal));
}
