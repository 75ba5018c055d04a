using JitLens.Jupyter.Execution;
using JitLens.Jupyter.Inspect;

namespace JitLens.Jupyter.Tests.Execution;

public sealed class CSharpSessionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jitlens-session-").FullName;
    private readonly CSharpSession _session;

    public CSharpSessionTests()
    {
        _session = new CSharpSession(_directory);
    }

    [Fact]
    public async Task Definitions_of_earlier_cells_stay_usable_and_the_last_expression_is_the_result()
    {
        // Given a cell that defines a variable and a method
        var output = new RecordingOutput();
        Assert.Null(await _session.ExecuteAsync("var factor = 3;\nint Triple(int v) => v * factor;", 1, output, CancellationToken.None));

        // When a later cell uses both and prints
        var error = await _session.ExecuteAsync("Console.WriteLine(\"tripled\");\nTriple(14)", 2, output, CancellationToken.None);

        // Then it runs, its output is captured and its value is the result
        Assert.Null(error);
        Assert.Equal("tripled\n", output.Stdout);
        Assert.Equal("42", (string?)Assert.Single(output.Results)["text/plain"]);
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_leaves_the_session_as_it_was()
    {
        // Given a defined variable, then a cell with a compile error that would redefine it
        var output = new RecordingOutput();
        await _session.ExecuteAsync("var kept = 1;", 1, output, CancellationToken.None);
        var error = await _session.ExecuteAsync("var kept = \"new\";\nthis is not C#", 2, output, CancellationToken.None);

        // Then the error names the cell's line, and the old value is still there
        Assert.NotNull(error);
        Assert.StartsWith("In[2]:2:", error.Value, StringComparison.Ordinal);
        Assert.Null(await _session.ExecuteAsync("kept + 1", 3, output, CancellationToken.None));
        Assert.Equal("2", (string?)output.Results[^1]["text/plain"]);
    }

    [Fact]
    public async Task Lines_of_an_inspect_cell_are_counted_from_the_magic_line()
    {
        // Given a %%inspect cell whose third line does not compile
        var output = new RecordingOutput();

        // When it runs
        var error = await _session.ExecuteAsync("%%inspect\nint Ok() => 1;\nint Bad() => missing;", 4, output, CancellationToken.None);

        // Then the error is on line 3, as the user counts, and nothing was displayed
        Assert.NotNull(error);
        Assert.StartsWith("In[4]:3:14: error CS0103:", error.Value, StringComparison.Ordinal);
        Assert.Empty(output.Displays);
    }

    [Fact]
    public async Task Inspect_help_prints_the_usage_and_an_unknown_flag_is_refused_before_running()
    {
        // Given --help, and an unknown flag on a cell with a side effect
        var output = new RecordingOutput();
        var marker = Path.Combine(_directory, "ran.txt");
        var help = await _session.ExecuteAsync("%%inspect --help", 1, output, CancellationToken.None);
        var bad = await _session.ExecuteAsync($"%%inspect --bogus\nFile.WriteAllText(@\"{marker}\", \"ran\");", 2, output, CancellationToken.None);

        // Then help lists the flags, and the bad flag is a usage error and the cell did not run
        Assert.Null(help);
        Assert.Contains("--asm", output.Stdout, StringComparison.Ordinal);
        Assert.Equal("UsageError", bad?.Name);
        Assert.Contains("'--bogus'", bad?.Value, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task An_exception_names_the_cell_line_it_came_from_and_the_session_goes_on()
    {
        // Given a method that throws on its third line
        var output = new RecordingOutput();
        var error = await _session.ExecuteAsync("int Fail(int a)\n{\n    throw new InvalidOperationException(\"no \" + a);\n}\nFail(7)", 1, output, CancellationToken.None);

        // Then the traceback starts at that line, and later cells run
        Assert.Equal("InvalidOperationException", error?.Name);
        Assert.Equal("In[1]:3: InvalidOperationException: no 7", error?.Traceback[0]);
        Assert.Null(await _session.ExecuteAsync("1 + 1", 2, output, CancellationToken.None));
        Assert.Equal("2", (string?)Assert.Single(output.Results)["text/plain"]);
    }

    [Fact]
    public async Task Rerunning_an_edited_inspect_cell_shows_the_new_code_not_the_old()
    {
        // Given a %%inspect cell that multiplies by 3, run once
        var first = new RecordingOutput();
        Assert.Null(await _session.ExecuteAsync("%%inspect --il\nint Scale(int v)\n{\n    return v * 3;\n}", 1, first, CancellationToken.None));

        // When the same cell, edited to multiply by 5, runs again
        var second = new RecordingOutput();
        Assert.Null(await _session.ExecuteAsync("%%inspect --il\nint Scale(int v)\n{\n    return v * 5;\n}", 2, second, CancellationToken.None));

        // Then each view shows its own constant on line 4, the cell's own line
        var before = (string?)Assert.Single(first.Displays)["text/html"];
        var after = (string?)Assert.Single(second.Displays)["text/html"];
        Assert.Matches("data-line=\"4\"><span class=\"jl-off\">[0-9A-F]+</span> <span class=\"jl-tag\">4</span> <code>IL_[0-9a-f]+: ldc.i4.3</code>", before);
        Assert.Contains("ldc.i4.5", after, StringComparison.Ordinal);
        Assert.DoesNotContain("ldc.i4.3", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%%inspect", new string[0], JitLens.Pipeline.JitTier.Optimized, null)]
    [InlineData("%%inspect --asm --cfg --tier tier0", new[] { "asm", "cfg" }, JitLens.Pipeline.JitTier.Tier0, null)]
    [InlineData("%%inspect --ptx --arch sm_86 --tier tier1-pgo", new[] { "ptx" }, JitLens.Pipeline.JitTier.Tier1Pgo, "sm_86")]
    public void Inspect_flags_choose_views_tier_and_arch(string line, string[] views, JitLens.Pipeline.JitTier tier, string? arch)
    {
        // Given a %%inspect line / When parsed
        var magic = InspectMagic.Parse(line + "\nint F() => 1;");

        // Then views, tier and arch are the ones asked for
        Assert.NotNull(magic);
        Assert.Null(magic.Error);
        Assert.Equal(views, magic.Views);
        Assert.Equal(tier, magic.Tier);
        Assert.Equal(arch, magic.Arch);
    }

    public void Dispose()
    {
        _session.Dispose();
        Assert.False(Directory.Exists(_directory), "the session left its work folder behind");
    }
}
