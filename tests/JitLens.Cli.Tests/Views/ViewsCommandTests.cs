using System.Text.Json;
using JitLens.Views;
using Xunit;

namespace JitLens.Cli.Tests.Views;

/// <summary><c>jitlens views</c> and the <c>--view</c> help: both read the view catalog.</summary>
public sealed class ViewsCommandTests
{
    [Fact]
    public async Task Should_list_every_catalog_view_in_catalog_order_as_json()
    {
        // Given the real jitlens
        // When the views are asked for as JSON
        var (exit, stdout, stderr) = await CliProcess.RunAsync("views", "--format", "json");

        // Then every catalog view is there, in order, with its flag and whether it is shown by default
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var views = json.RootElement.GetProperty("views").EnumerateArray().ToList();
        Assert.Equal(ViewCatalog.Names, views.Select(v => v.GetProperty("name").GetString()));
        Assert.Equal(ViewCatalog.All.Select(v => v.Flag), views.Select(v => v.GetProperty("flag").GetString()));
        Assert.Equal(ViewCatalog.All.Select(v => v.ShownByDefault), views.Select(v => v.GetProperty("shownByDefault").GetBoolean()));
    }

    [Fact]
    public async Task Should_list_every_catalog_view_with_its_help_as_text()
    {
        // Given the real jitlens
        // When the views are asked for as text
        var (exit, stdout, stderr) = await CliProcess.RunAsync("views");

        // Then each view has a line of its own with its help
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ViewCatalog.All.Count, lines.Length);
        Assert.All(ViewCatalog.All.Zip(lines), p => Assert.Matches($"^{p.First.Name} +{System.Text.RegularExpressions.Regex.Escape(p.First.Help)}", p.Second));
    }

    [Fact]
    public async Task Should_name_every_catalog_view_in_the_view_option_help()
    {
        // Given the real jitlens
        // When the inspect command's help is shown
        var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", "--help");

        // Then the --view line names every view of the catalog
        Assert.True(exit == 0, stderr);
        var viewHelp = stdout.Split('\n').Single(l => l.TrimStart().StartsWith("--view", StringComparison.Ordinal));
        Assert.Contains(string.Join(", ", ViewCatalog.Names), viewHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_view_in_one_sentence_that_names_the_known_ones()
    {
        // Given the real jitlens
        // When a view name is mistyped
        var (exit, _, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--view", "il,asmm");

        // Then it exits 1 naming the unknown view and the catalog's views, with no stack trace
        Assert.Equal(1, exit);
        Assert.Contains($"Unknown view 'asmm'; use one of: {string.Join(", ", ViewCatalog.Names)}.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
