using System.Diagnostics;
using JitLens.Views;
using Xunit;

namespace JitLens.Cli.Tests.Views;

/// <summary>IPython's <c>%%jitlens</c> keeps no list of views: its flags come from <c>jitlens views --format json</c>.</summary>
public sealed class JitLensMagicFlagTests
{
    private const string PrintFlags = """
        from jitlens import magic
        for action in magic._parser()._actions:
            print(" ".join(action.option_strings), action.dest)
        """;

    [Fact]
    public async Task Should_offer_a_flag_for_every_catalog_view_of_numba_code()
    {
        // Given the magic's module, with the real jitlens beside it
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(PrintFlags);
        start.Environment["PYTHONPATH"] = Path.Combine(CliProcess.RepositoryRoot, "python");
        start.Environment["JITLENS_CLI"] = Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll");

        // When it builds its options
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);

        // Then each view Numba makes has its flag, in catalog order, setting that view, and no other view has one
        Assert.True(process.ExitCode == 0, await stderr);
        var options = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        var numba = ViewCatalog.MadeBy(FrontEnd.Numba);
        Assert.Equal(numba.Select(v => "--" + v.Flag), options.Keys.Where(k => ViewCatalog.All.Any(v => "--" + v.Flag == k)));
        Assert.All(numba, v => Assert.Equal(v.Name, options["--" + v.Flag]));
        Assert.DoesNotContain("--" + IlView.Id, options.Keys);
    }
}
