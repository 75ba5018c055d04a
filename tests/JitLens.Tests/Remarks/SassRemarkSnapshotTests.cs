using System.Globalization;
using System.Text;
using JitLens.Model;
using JitLens.Remarks;
using JitLens.Tests.Gpu.Support;
using Xunit;

namespace JitLens.Tests.Remarks;

/// <summary>
/// The GPU remark kinds on SASS listings in nvdisasm's format (Gpu/Listings, those with a <c>--- remarks</c> part; their
/// <c>note</c> says whether one was recorded or written by hand), read by the real SassListingParser: local memory
/// (LDL/STL), barriers (BAR) and predicated branches, inside loops or not.
/// </summary>
public sealed class SassRemarkSnapshotTests
{
    public static TheoryData<string> Fixtures() =>
        [.. ListingFixture.Names().Where(n => n.Contains(".sass", StringComparison.Ordinal) && ListingFixture.Load(n).Remarks is not null)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Should_derive_from_each_recorded_sass_listing_the_remarks_it_expects(string name)
    {
        // Given a SASS listing as a kernel's lowest-level view
        var fixture = ListingFixture.Load(name);
        var unit = new InspectedUnit(name, UnitKind.GpuKernel, new SourceDocument(fixture.Header["source"], [], "csharp"));
        unit.AddView(fixture.Parse());

        // When its remarks are derived
        RemarkAnalysis.Annotate(unit);

        // Then each remark has the expected line, kind, evidence, loop and sentence, and the summary counts them
        var actual = Render(unit);
        Assert.Equal(fixture.RemarksOrUpdated(actual), actual);
    }

    [Fact]
    public void Should_find_every_gpu_kind_in_the_block_sum_listing_and_none_on_constant_or_unpredicated_branches()
    {
        // Given the block sum (a local array filled in a loop, a barrier, a branch on the thread index) in SASS
        var fixture = ListingFixture.Load("ilgpu-blocksum.sass.txt");
        var unit = new InspectedUnit("BlockSum", UnitKind.GpuKernel, new SourceDocument(fixture.Header["source"], [], "csharp"));
        unit.AddView(fixture.Parse());

        // When its remarks are derived
        RemarkAnalysis.Annotate(unit);

        // Then the loop's store and branch are inside a loop, the read after it, the barrier and the thread-index branch are not
        Assert.Equal([(13, "divergent-branch", true), (15, "local-memory", true), (18, "local-memory", false), (19, "barrier", false), (20, "divergent-branch", false)], unit.Remarks.Select(r => (r.Line ?? 0, r.Kind, r.InLoop)));

        // And the predicated IADD3 (not a branch) and the unpredicated BRA to itself after EXIT are no divergent branch
        Assert.DoesNotContain(unit.Remarks, r => r.Message.Contains("IADD3", StringComparison.Ordinal) || r.Line is null);
    }

    /// <summary>One line per remark (line, kind, evidence, "loop" when inside one, the sentence), then the summary.</summary>
    private static string Render(InspectedUnit unit)
    {
        var text = new StringBuilder();
        foreach (var remark in unit.Remarks)
        {
            var line = remark.Line is { } l ? l.ToString(CultureInfo.InvariantCulture) : "-";
            text.Append(CultureInfo.InvariantCulture, $"{line,-4} {remark.Kind,-17} {remark.Evidence.ToString().ToLowerInvariant(),-8} {(remark.InLoop ? "loop" : "    ")} {remark.Message}\n");
        }

        return text.Append("summary: ").Append(unit.RemarkSummary).Append('\n').ToString();
    }
}
