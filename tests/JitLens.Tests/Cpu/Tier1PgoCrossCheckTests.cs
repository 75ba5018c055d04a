using System.Text.RegularExpressions;
using JitLens.Capture;
using JitLens.Compilation;
using JitLens.Pipeline;
using JitLens.Remarks;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>
/// After the Tier1-PGO warm-up, JitLens shows the very body the runtime compiled last, and the guarded devirtualisation
/// it reads from it is the runtime's: its own listing says so.
/// </summary>
public sealed partial class Tier1PgoCrossCheckTests
{
    [Theory]
    [InlineData("TotalArea", @"^call\s+\[r\w+\+0x[0-9A-F]+\]Warm\.Shape:Area\(\)")]
    [InlineData("TotalSize", @"^call\s+\[r11\]Warm\.ISized:Size\(\)")]
    public async Task Should_show_the_same_instructions_as_the_runtimes_last_JitDisasm_listing_after_the_warm_up(string method, string fallbackCall)
    {
        // Given the JIT host told to also print every body it compiles of a method the warm-up runs, the one with a
        // virtual call or the one with an interface call (one method a run: the listings of two methods compiled on two
        // threads at once can interleave in the file)
        var disasmFile = Path.Combine(Path.GetTempPath(), $"jitlens-jitdisasm-pgo-{Guid.NewGuid():N}.txt");
        var pipeline = new InspectionPipeline(
        [
            new CompileStage(),
            new JitCaptureStage
            {
                AwaitHostExit = true,
                HostEnvironment = new Dictionary<string, string>
                {
                    ["DOTNET_JitDisasm"] = method,
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
            var unit = result.Method($"Warm.Program.{method}(");
            Assert.Equal("Tier1-PGO", unit.Tier);
            Assert.True(runtime.ContainsKey(method), $"The runtime printed no listing for {method}.");
            Assert.Contains("(Tier1)", LastHeader(text, method), StringComparison.Ordinal);
            Assert.Contains("; optimized using Dynamic PGO", text, StringComparison.Ordinal);
            var ours = unit.Views["asm"].Instructions.Select(i => i.Text);
            var expected = JitDisasmListing.Normalize(runtime[method]);
            var actual = JitDisasmListing.Normalize(ours);
            Assert.True(expected.SequenceEqual(actual), $"{method} differs.\nThe runtime's listing file:\n{text}\nJitLens:\n{string.Join('\n', actual)}");

            // And the guarded devirtualisation JitLens reports stands in the runtime's own listing as such: one compare of
            // the receiver's method table with a je/jne after it, and the virtual call (through the method table) or
            // interface call (through the dispatch cell in r11) that the other classes take
            var guards = new GuardedDevirtualizationRemark().Find(unit).ToList();
            var runtimeGuards = expected.Where((instruction, i) => MethodTableCompare().IsMatch(instruction) && i + 1 < expected.Count && expected[i + 1].Split(' ')[0] is "je" or "jne");
            Assert.Single(guards);
            Assert.Single(runtimeGuards);
            Assert.Contains(runtime[method], i => Regex.IsMatch(i, fallbackCall));
        }
        finally
        {
            File.Delete(disasmFile);
        }
    }

    [GeneratedRegex(@"^cmp\s+qword ptr \[r\w+\],")]
    private static partial Regex MethodTableCompare();

    /// <summary>The header of the last listing the runtime printed for <paramref name="name"/>, e.g. "... :Sum(int[]):int (Tier1)".</summary>
    private static string LastHeader(string text, string name) =>
        text.Split('\n').Last(l => l.StartsWith("; Assembly listing for method ", StringComparison.Ordinal) && l.Contains($":{name}(", StringComparison.Ordinal));
}
