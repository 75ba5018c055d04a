using JitLens.Jupyter.Inspect;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Jupyter.Tests.Inspect;

/// <summary><c>%%inspect --compare T</c>: the cell at tier T on the left, at its own <c>--tier</c> on the right.</summary>
public sealed class InspectMagicCompareTests
{
    [Fact]
    public void Should_compare_with_the_named_tier_and_keep_the_cells_own_tier_on_the_right()
    {
        // Given a cell compared with tier0 and inspected at tier1-pgo
        // When its magic line is parsed
        var magic = InspectMagic.Parse("%%inspect --asm --compare tier0 --tier tier1-pgo\nint One() => 1;");

        // Then the left side is tier0 and the right one tier1-pgo
        Assert.NotNull(magic);
        Assert.Null(magic.Error);
        Assert.Equal(JitTier.Tier0, magic.CompareTier);
        Assert.Equal(JitTier.Tier1Pgo, magic.Tier);
        Assert.Equal(["asm"], magic.Views);
    }

    [Fact]
    public void Should_refuse_an_unknown_tier_to_compare_with_in_one_sentence()
    {
        // Given --compare with a tier that does not exist
        // When the line is parsed
        var magic = InspectMagic.Parse("%%inspect --compare tier9\nint One() => 1;");

        // Then it is refused, naming the value and what --compare accepts
        Assert.Equal("%%inspect: cannot compare with 'tier9'; use a tier (optimized, tier0, tier1-pgo) or previous.", magic?.Error);
    }

    [Fact]
    public void Should_compare_with_the_previous_inspection_when_asked_for_previous()
    {
        // Given a cell compared with the previous %%inspect cell
        // When its magic line is parsed
        var magic = InspectMagic.Parse("%%inspect --compare previous --tier tier0\nint One() => 1;");

        // Then it compares with the previous inspection, at no other tier, and keeps its own tier
        Assert.NotNull(magic);
        Assert.Null(magic.Error);
        Assert.True(magic.CompareWithPrevious);
        Assert.Null(magic.CompareTier);
        Assert.Equal(JitTier.Tier0, magic.Tier);
    }
}
