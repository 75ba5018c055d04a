using JitLens.Tests.Gpu.Support;
using Xunit;

namespace JitLens.Tests.Gpu;

/// <summary>The one PTX parser and the one SASS parser on recorded listings of both origins, ILGPU and Numba (Gpu/Listings).</summary>
public sealed class GpuListingSnapshotTests
{
    public static TheoryData<string> Fixtures() => [.. ListingFixture.Names()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Should_read_each_recorded_listing_into_the_instructions_lines_labels_and_flow_it_expects(string name)
    {
        // Given a recorded listing and what its front end should show of it
        var fixture = ListingFixture.Load(name);

        // When the parser of its format reads it as its front end does
        var actual = ListingFixture.Render(fixture.Parse());

        // Then every instruction has the expected region, line, label and flow
        Assert.Equal(fixture.ExpectedOrUpdated(actual), actual);
    }
}
