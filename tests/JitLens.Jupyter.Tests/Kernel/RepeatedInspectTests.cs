using System.Text.RegularExpressions;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>
/// %%inspect cells in a row in one kernel: each is JITted by a host the kernel kept ready, which serves that cell only,
/// so every view shows the cell as edited and in the tier asked for, and no host outlives the kernel.
/// </summary>
public sealed class RepeatedInspectTests : IClassFixture<InspectCellsReport>
{
    private readonly InspectCellsReport _cells;

    public RepeatedInspectTests(InspectCellsReport cells)
    {
        _cells = cells;
    }

    [SkippableFact]
    public void An_edited_inspect_cell_shows_its_new_code_and_not_the_earlier_cells()
    {
        // Given `Scale(int v) => v * 1000003` under %%inspect, then the same method edited to multiply by 2000003
        var first = _cells.View("first");
        var second = _cells.View("second");

        // Then each view's IL and asm hold its own constant (0xF4243, 0x1E8483), and the second nothing of the first
        Assert.Contains("ldc.i4 1000003", first, StringComparison.Ordinal);
        Assert.Contains("F4243", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ldc.i4 2000003", second, StringComparison.Ordinal);
        Assert.Contains("1E8483", second, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1000003", second.Replace("2000003", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("F4243", second, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void A_tier0_cell_after_optimized_ones_shows_tier0_code_and_the_next_optimized_cell_is_optimized_again()
    {
        // Given two optimized cells, then one with --tier tier0, then an optimized one again
        var optimized = _cells.View("second");
        var tier0 = _cells.View("tier0");
        var again = _cells.View("optimized_again");

        // Then the tiers follow the flags, with each cell's own constant
        Assert.Contains("FullOpts", optimized, StringComparison.Ordinal);
        Assert.Contains("Tier0", tier0, StringComparison.Ordinal);
        Assert.DoesNotContain("FullOpts", tier0, StringComparison.Ordinal);
        Assert.Contains("ldc.i4 3000003", tier0, StringComparison.Ordinal);
        Assert.Contains("FullOpts", again, StringComparison.Ordinal);
        Assert.Contains("ldc.i4 4000003", again, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_compare_cell_shows_its_tier0_and_optimized_code_side_by_side_with_deltas()
    {
        // Given a cell under %%inspect --compare tier0
        var view = _cells.View("compare");

        // Then its view names both sides by tier, each with the JIT's own tier, and gives the deltas of its lines
        Assert.Contains("tier0: [Tier0", view, StringComparison.Ordinal);
        Assert.Contains("→  optimized: [FullOpts", view, StringComparison.Ordinal);
        Assert.Contains("ldc.i4 6000003", view, StringComparison.Ordinal);
        Assert.Matches(@"asm \d+ → \d+ \([+-]?\d+\)", view);
    }

    [SkippableFact]
    public void A_cell_compared_with_the_previous_one_shows_what_its_edit_changed_line_by_line()
    {
        // Given `Scale` multiplying by 6000003 under %%inspect, then edited to 7000003 under --compare previous
        var view = _cells.View("compare_previous");

        // Then the previous cell is the left side and this one the right, both named by their In[n] label
        var header = Assert.Single(Regex.Matches(view, @"(In\[\d+\]): \[FullOpts[^\]]*\]  →  (In\[\d+\]): \[FullOpts"));
        Assert.NotEqual(header.Groups[1].Value, header.Groups[2].Value);

        // And the edited line is marked changed, with the old constant as removed code and the new one as added code
        Assert.Matches(@"\*-\s*\d+ \| int Scale\(int v\) => v \* 6000003;", view);
        Assert.Matches(@"\*\+\s*\d+ \| int Scale\(int v\) => v \* 7000003;", view);
        Assert.Matches(@"- il .*ldc\.i4 6000003", view);
        Assert.Matches(@"\+ il .*ldc\.i4 7000003", view);
    }

    [SkippableFact]
    public void A_compare_with_previous_as_the_first_cell_of_a_kernel_says_so_and_shows_the_cell_alone()
    {
        // Given a fresh (restarted) kernel whose first %%inspect cell asks to compare with the previous one
        var cell = _cells.Part("compare_nothing");
        var view = _cells.View("compare_nothing");

        // Then one sentence says there is nothing to compare with, and the cell's own view is shown
        Assert.Contains(
            "%%inspect: --compare previous: no earlier %%inspect cell in this kernel to compare with; showing this cell alone.",
            string.Concat(cell["said"]!.AsArray().Select(s => (string?)s)),
            StringComparison.Ordinal);
        Assert.Contains("ldc.i4 5500003", view, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\]  →  In\[", view);
    }

    [SkippableFact]
    public void No_jit_host_outlives_a_restart_or_a_shutdown_of_the_kernel()
    {
        // Given a kernel that inspected cells (so it holds a spare host), restarted, inspected again, then shut down
        var before = (int)_cells.Part("hosts_before_restart");
        var beforeShutdown = (int)_cells.Part("hosts_before_shutdown");

        // Then it had hosts running, and none of them is left once the kernel is gone
        Assert.True(before >= 1, "the kernel kept no JIT host ready after %%inspect cells");
        Assert.True(beforeShutdown >= 1, "the restarted kernel kept no JIT host ready after a %%inspect cell");
        Assert.Equal(0, (int)_cells.Part("hosts_left_after_restart"));
        Assert.True((bool)_cells.Part("exited"));
        Assert.Equal(0, (int)_cells.Part("hosts_left_after_shutdown"));
        Assert.Contains("ldc.i4 5000003", _cells.View("after_restart"), StringComparison.Ordinal);
    }
}
