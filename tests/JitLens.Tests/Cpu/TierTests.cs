using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>
/// --tier tier0: the first, unoptimized tier, reached without running any user code; --tier tier1-pgo: the code calls run
/// after a warm-up, Tier1 compiled with the profile that instrumented Tier0 collected.
/// </summary>
public sealed partial class TierTests : IClassFixture<Tier1PgoFixture>
{
    // What Tier0 code has and Tier1 code has not: profile counters, class probes, OSR patchpoints.
    private static readonly string[] Tier0Helpers = ["CORINFO_HELP_COUNTPROFILE", "CORINFO_HELP_CLASSPROFILE", "CORINFO_HELP_PATCHPOINT"];

    private readonly Tier1PgoFixture _fixture;

    public TierTests(Tier1PgoFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Should_show_unoptimized_tier0_code_without_running_static_constructors()
    {
        // Given a loop, and a static constructor that would throw if it ran
        const string source = """
            public static class Early
            {
                private static readonly int Limit = int.Parse("not a number");

                public static int Sum(int[] data)
                {
                    var total = 0;
                    for (var i = 0; i < data.Length; i++)
                    {
                        total += data[i];
                    }

                    return total;
                }
            }
            """;

        // When it is inspected at Tier0, and optimized
        var tier0 = await CSharpInspection.RunAsync("Early.cs", source, method: "Sum", tier: JitTier.Tier0);

        // Then nothing ran (no error from the static constructor), and the code is Tier0: locals live on the stack
        var unit = tier0.Method("Early.Sum(");
        Assert.Equal("Tier0", unit.Tier);
        Assert.Contains(unit.Asm(), i => i.Contains("[rbp-", StringComparison.Ordinal));
        Assert.Contains(unit.Asm(), i => i.Contains("IndexOutOfRange", StringComparison.Ordinal) || i.Contains("RNGCHKFAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_the_tier1_code_of_a_loop_that_the_warm_up_ran_many_times()
    {
        // Given a summing loop that the program's Run calls, inspected after the Tier1-PGO warm-up and as Tier0
        var warmed = _fixture.Warmed.Method("Warm.Program.Sum(");
        var tier0 = _fixture.Tier0.Method("Warm.Program.Sum(");

        // When we look at the warmed-up code
        var asm = warmed.Asm();

        // Then it is Tier1: no profiling or patchpoint helpers, no locals spilled to the stack frame, other code than Tier0's
        Assert.True(warmed.Tier == "Tier1-PGO", $"{warmed.Tier}: {string.Join(" ", warmed.Notes)}");
        Assert.DoesNotContain(asm, i => Tier0Helpers.Any(h => i.Contains(h, StringComparison.Ordinal)));
        Assert.DoesNotContain(asm, i => i.Contains("[rbp-", StringComparison.Ordinal));
        Assert.Contains(tier0.Asm(), i => i.Contains("[rbp-", StringComparison.Ordinal));
        Assert.NotNull(warmed.CodeSize);
        Assert.True(warmed.CodeSize < tier0.CodeSize, $"Tier1 is {warmed.CodeSize} bytes, Tier0 {tier0.CodeSize}");

        // And its own IL→native map puts the loop's addition under the loop body's line
        Assert.Contains(warmed.AsmOfLine(Tier1PgoFixture.Line("sum body")), i => i.StartsWith("add ", StringComparison.Ordinal) && i.Contains("dword ptr [", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_devirtualize_a_virtual_call_behind_a_type_check_when_the_warm_up_saw_only_one_receiver_type()
    {
        // Given a virtual call that the warm-up only ever made on Square, inspected after the warm-up and fully optimized
        var warmed = _fixture.Warmed.Method("Warm.Program.TotalArea(");
        var optimized = _fixture.Optimized.Method("Warm.Program.TotalArea(");

        // When we look at the call's line
        var call = warmed.AsmOfLine(Tier1PgoFixture.Line("area body"));

        // Then dynamic PGO guarded it: the receiver's method table is compared with Square's, which plain optimization never names
        Assert.Equal("Tier1-PGO", warmed.Tier);
        Assert.Contains(warmed.Asm(), i => i.Contains("Square", StringComparison.Ordinal));
        Assert.Contains(call, i => i.StartsWith("cmp ", StringComparison.Ordinal));
        Assert.DoesNotContain(optimized.Asm(), i => i.Contains("Square", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_tier0_code_and_say_why_for_a_method_the_warm_up_never_calls()
    {
        // Given a method that the program never calls
        var unit = _fixture.Warmed.Method("Warm.Program.NeverCalled(");

        // When it is inspected after the warm-up
        var asm = unit.Asm();

        // Then it shows its only code, Tier0 (with the profile counters tiered PGO puts into loops), and a note says why
        Assert.StartsWith("Tier0", unit.Tier, StringComparison.Ordinal);
        Assert.Contains(unit.Notes, n => n.Contains("did not call this method often enough", StringComparison.Ordinal));
        Assert.Contains(asm, i => i.Contains("[rbp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_say_so_when_a_tier1_pgo_input_has_nothing_to_run()
    {
        // Given code without a Main or any static parameterless method
        const string source = """
            public static class Lib
            {
                public static int Twice(int x) => x * 2;
            }
            """;

        // When it is inspected at Tier1-PGO
        var result = await CSharpInspection.RunAsync("Lib.cs", source, tier: JitTier.Tier1Pgo, timeout: TimeSpan.FromSeconds(120));

        // Then nothing ran, the method shows its Tier0 code, and the result says why
        Assert.Contains(result.Notes, n => n.Contains("nothing ran to warm up", StringComparison.Ordinal));
        Assert.Equal("Tier0", result.Method("Lib.Twice(").Tier);
    }
}
