using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>--tier tier0: the first, unoptimized tier, reached without running any user code.</summary>
public sealed class TierTests
{
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
}
