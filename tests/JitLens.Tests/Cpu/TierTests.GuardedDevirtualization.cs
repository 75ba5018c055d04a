using JitLens.Model;
using JitLens.Remarks;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>The guarded-devirtualization remark on the fixture's real Tier1-PGO code, and its absence without a profile.</summary>
public sealed partial class TierTests
{
    [Fact]
    public void Should_report_a_guarded_devirtualisation_naming_the_class_the_warm_up_saw_and_mark_the_virtual_call_as_its_fallback()
    {
        // Given the virtual call the warm-up only ever made on Square, after the warm-up
        var warmed = _fixture.Warmed.Method("Warm.Program.TotalArea(");
        var line = Tier1PgoFixture.Line("area body");

        // When its remarks are derived
        var remark = Assert.Single(new GuardedDevirtualizationRemark().Find(warmed));
        var fallback = Assert.Single(new VirtualCallRemark().Find(warmed));

        // Then the call's line carries an inferred guarded-devirtualization remark naming Square, inside the loop
        Assert.Equal("Tier1-PGO", warmed.Tier);
        Assert.Equal(line, remark.Line);
        Assert.Equal(RemarkEvidence.Inferred, remark.Evidence);
        Assert.True(remark.Message.Contains("Warm.Square", StringComparison.Ordinal), $"{remark.Message}\n{string.Join('\n', warmed.Asm())}");
        Assert.True(remark.InLoop);

        // And the virtual call on the same line says it is the guard's fallback, instead of reporting the site twice as plain
        Assert.Equal(line, fallback.Line);
        Assert.Contains("fallback of a guarded devirtualisation, taken when the receiver is not Warm.Square", fallback.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_a_guarded_devirtualisation_of_an_interface_call_naming_the_implementing_class_the_warm_up_saw()
    {
        // Given the interface call the warm-up only ever made on Square (Circle implements the interface too), after the warm-up
        var warmed = _fixture.Warmed.Method("Warm.Program.TotalSize(");
        var line = Tier1PgoFixture.Line("size body");
        var listing = string.Join('\n', warmed.Asm());

        // When its remarks are derived
        var remark = Assert.Single(new GuardedDevirtualizationRemark().Find(warmed));
        var fallback = Assert.Single(new VirtualCallRemark().Find(warmed));

        // Then the call's line carries an inferred guarded devirtualisation of an interface call, guarded by Square's method table
        Assert.Equal("Tier1-PGO", warmed.Tier);
        Assert.Equal(line, remark.Line);
        Assert.Equal(RemarkEvidence.Inferred, remark.Evidence);
        Assert.True(remark.Message.Contains("the interface call", StringComparison.Ordinal) && remark.Message.Contains("Warm.Square", StringComparison.Ordinal), $"{remark.Message}\n{listing}");
        Assert.True(remark.InLoop);

        // And the fallback is the interface dispatch for the other classes, on the same line
        Assert.Equal(line, fallback.Line);
        Assert.True(fallback.Message.StartsWith("interface call", StringComparison.Ordinal), $"{fallback.Message}\n{listing}");
        Assert.Contains("fallback of a guarded devirtualisation, taken when the receiver is not Warm.Square", fallback.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tier0")]
    [InlineData("optimized")]
    public void Should_report_no_guarded_devirtualisation_without_a_profile(string tier)
    {
        // Given the same virtual and interface calls compiled without dynamic PGO: unoptimized, or fully optimized at once
        var result = tier == "tier0" ? _fixture.Tier0 : _fixture.Optimized;
        foreach (var method in new[] { "TotalArea", "TotalSize" })
        {
            var unit = result.Method($"Warm.Program.{method}(");

            // Then no guard is reported, and the virtual or interface call is a plain one
            Assert.Empty(new GuardedDevirtualizationRemark().Find(unit));
            var call = Assert.Single(new VirtualCallRemark().Find(unit));
            Assert.DoesNotContain("guarded", call.Message, StringComparison.Ordinal);
        }
    }
}
