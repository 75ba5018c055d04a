using System.Text.Json;
using Xunit;

namespace JitLens.Cli.Tests.Diff;

/// <summary><c>jitlens diff</c> as a user runs it: two tiers of the sample, two GPU architectures, two signatures, two NUMBA_OPT levels and two versions of a Numba file, and files with nothing in common.</summary>
public sealed class DiffCommandTests
{
    // The loop is line 8, its body line 9.
    private static readonly string NumbaLoop = Path.Combine(CliProcess.RepositoryRoot, "tests", "JitLens.Cli.Tests", "Diff", "numba_loop.py");

    [Fact]
    public async Task Should_compare_two_tiers_of_one_file_as_json()
    {
        // Given the bundled sample
        // When its Sum is compared at tier0 and optimized
        var (exit, stdout, stderr) = await CliProcess.RunAsync("diff", CliProcess.Sample, "--left-tier", "tier0", "--right-tier", "optimized", "-m", "Sum", "--view", "asm", "--format", "json", "--timeout", "150");

        // Then the sides are named by their tiers and the optimized side's code is smaller
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("tier0", json.RootElement.GetProperty("left").GetProperty("label").GetString());
        var unit = Assert.Single(json.RootElement.GetProperty("units").EnumerateArray());
        Assert.Equal("Samples.Sample.Sum(int[])", unit.GetProperty("name").GetString());
        Assert.True(unit.GetProperty("totals").GetProperty("asm").GetProperty("countDelta").GetInt32() < 0);
    }

    [Fact]
    public async Task Should_compare_the_ptx_of_ilgpu_kernels_for_two_architectures()
    {
        // Given the bundled ILGPU kernels
        var kernels = Path.Combine(CliProcess.RepositoryRoot, "samples", "gpu", "Kernels.cs");

        // When their PTX is compared for sm_75 and sm_90
        var (exit, stdout, stderr) = await CliProcess.RunAsync("diff", kernels, "--left-arch", "sm_75", "--right-arch", "sm_90", "--view", "ptx", "--format", "json", "--timeout", "150");

        // Then each kernel faces itself, each side compiled for its own architecture
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("sm_75", json.RootElement.GetProperty("left").GetProperty("label").GetString());
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["Samples.Kernels.Clamp", "Samples.Kernels.RowSums", "Samples.Kernels.Twice"], units.Select(u => u.GetProperty("name").GetString()).Order());
        Assert.All(units, u => Assert.Equal(("sm_75", "sm_90"), (u.GetProperty("left").GetProperty("arch").GetString(), u.GetProperty("right").GetProperty("arch").GetString())));

        // And the PTX says so: sm_75 on the left, sm_80 (ILGPU's newest .target, which runs on sm_90) on the right
        var ptx = units[0].GetProperty("totals").GetProperty("ptx");
        Assert.Contains(".target sm_75", ptx.GetProperty("left").GetProperty("code").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(".target sm_80", ptx.GetProperty("right").GetProperty("code").EnumerateArray().Select(c => c.GetString()));
        Assert.True(ptx.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Should_compare_only_the_two_asked_for_signatures_of_a_Numba_function()
    {
        // Given a Numba file whose loop the file itself calls with a float64 array
        // When diff compiles it for an int64 array on the left and a float64 array on the right
        var (leftLabel, unit) = await OnlyUnitAsync("--left-signature", "total:float64(int64[:])", "--right-signature", "total:float64(float64[:])");

        // Then the one unit pairs the two signatures, named by them, and the loop body's line changed
        Assert.Equal("total:float64(int64[:])", leftLabel);
        Assert.Equal("total(array(int64, 1d, A))", unit.GetProperty("name").GetString());
        Assert.Contains(unit.GetProperty("lines").EnumerateArray(), l => LeftLine(l) == 9 && l.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Should_compare_two_NUMBA_OPT_levels_of_a_Numba_file_with_different_counts_on_the_loop_line()
    {
        // Given a Numba file with a loop
        // When diff compiles it at NUMBA_OPT=0 and at NUMBA_OPT=3
        var (leftLabel, unit) = await OnlyUnitAsync("--left-numba-opt", "0", "--right-numba-opt", "3");

        // Then the sides are named by their levels, and the loop line has fewer instructions at level 3
        Assert.Equal("NUMBA_OPT=0", leftLabel);
        var loop = unit.GetProperty("lines").EnumerateArray().Single(l => LeftLine(l) == 8);
        Assert.True(loop.GetProperty("views").GetProperty("asm").GetProperty("countDelta").GetInt32() < 0, loop.ToString());
    }

    [Fact]
    public async Task Should_match_the_lines_of_two_versions_of_a_Numba_file_through_a_diff_of_their_sources()
    {
        // Given the Numba file and an edit of it that adds a comment above the loop and doubles what the loop adds
        var directory = Directory.CreateTempSubdirectory("jitlens-diff-");
        try
        {
            var edited = Path.Combine(directory.FullName, "numba_loop_edited.py");
            var source = await File.ReadAllTextAsync(NumbaLoop);
            await File.WriteAllTextAsync(edited, source.Replace("    acc = 0\n", "    acc = 0\n    # doubled\n", StringComparison.Ordinal).Replace("acc += v", "acc += 2 * v", StringComparison.Ordinal));

            // When the two files are compared
            var (exit, stdout, stderr) = await CliProcess.RunAsync("diff", NumbaLoop, edited, "--view", "asm", "--format", "json");

            // Then the loop line faces itself one line further down, and the edited line faces what it was, marked as edited
            Assert.True(exit == 0, stderr);
            using var json = JsonDocument.Parse(stdout);
            var lines = Assert.Single(json.RootElement.GetProperty("units").EnumerateArray()).GetProperty("lines").EnumerateArray().ToList();
            var loop = lines.Single(l => LeftLine(l) == 8);
            Assert.Equal((9, false), (loop.GetProperty("right").GetProperty("line").GetInt32(), loop.GetProperty("sourceChanged").GetBoolean()));
            var body = lines.Single(l => LeftLine(l) == 9);
            Assert.Equal("        acc += 2 * v", body.GetProperty("right").GetProperty("source").GetString());
            Assert.True(body.GetProperty("sourceChanged").GetBoolean());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Should_say_in_one_sentence_that_two_files_share_no_method_and_exit_with_1()
    {
        // Given two files whose methods have different names
        var directory = Directory.CreateTempSubdirectory("jitlens-diff-");
        try
        {
            var a = Path.Combine(directory.FullName, "A.cs");
            var b = Path.Combine(directory.FullName, "B.cs");
            await File.WriteAllTextAsync(a, "public static class A\n{\n    public static int F(int x) => x + 1;\n}\n");
            await File.WriteAllTextAsync(b, "public static class B\n{\n    public static int G(int x) => x * 2;\n}\n");

            // When they are compared
            var (exit, stdout, stderr) = await CliProcess.RunAsync("diff", a, b, "--timeout", "150");

            // Then one sentence says so, and nothing else is written
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, stdout);
            Assert.Equal("A.cs and B.cs share no method: there is nothing to compare.", stderr.Trim());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Should_refuse_one_file_with_nothing_that_differs_between_the_sides()
    {
        // Given the sample alone, with no per-side option
        // When it is compared with itself
        var (exit, _, stderr) = await CliProcess.RunAsync("diff", CliProcess.Sample);

        // Then the user is told what diff needs
        Assert.Equal(1, exit);
        Assert.StartsWith("diff needs two files, or one file and options that differ per side", stderr, StringComparison.Ordinal);
    }

    /// <summary>The asm diff of <see cref="NumbaLoop"/> two ways, as JSON: the left side's label and the one unit compared.</summary>
    private static async Task<(string? LeftLabel, JsonElement Unit)> OnlyUnitAsync(params string[] sides)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(["diff", NumbaLoop, .. sides, "--view", "asm", "--format", "json"]);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var unit = Assert.Single(json.RootElement.GetProperty("units").EnumerateArray());
        return (json.RootElement.GetProperty("left").GetProperty("label").GetString(), unit.Clone());
    }

    private static int? LeftLine(JsonElement line) =>
        line.GetProperty("left") is { ValueKind: JsonValueKind.Object } left ? left.GetProperty("line").GetInt32() : null;
}
