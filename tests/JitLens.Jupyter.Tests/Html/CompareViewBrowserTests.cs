using JitLens.Jupyter.Tests.Support;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.Html;

/// <summary>The page a user gets from `jitlens diff samples/Sample.cs --left-tier tier0 --right-tier optimized --format html`.</summary>
public sealed class CompareViewBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public CompareViewBrowserTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
    }

    [SkippableFact]
    public async Task Clicking_a_line_on_one_side_selects_its_counterpart_and_scrolling_one_side_scrolls_the_other()
    {
        // Given the compare page written by the real CLI for the sample's Sum at two tiers
        var browser = _chromium.Require();
        var report = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), "sample-diff.html");
        var run = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll"), "diff", Path.Combine(RepositoryPaths.Root, "samples", "Sample.cs"), "--left-tier", "tier0", "--right-tier", "optimized", "--method", "Sum", "--format", "html", "-o", report, "--timeout", "150"],
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.Describe());
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(report).AbsoluteUri);
        var left = page.Locator(".jc-pane[data-side='left']");
        var right = page.Locator(".jc-pane[data-side='right']");

        // When the loop body's line is clicked on the left (Tier0) side
        var row = left.Locator(".jc-row", new LocatorLocatorOptions { HasText = "total += data[i];" });
        var line = await row.GetAttributeAsync("data-line");
        await row.ClickAsync();

        // Then exactly that line is selected on the right (optimized) side too, and it is marked changed
        var selected = right.Locator(".jc-row.jc-selected");
        Assert.Equal(1, await selected.CountAsync());
        Assert.Equal(line, await selected.GetAttributeAsync("data-line"));
        Assert.Equal(await row.GetAttributeAsync("data-row"), await selected.GetAttributeAsync("data-row"));
        Assert.Contains("jc-changed", await selected.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);

        // When the left side is scrolled down
        var scrolled = await left.EvaluateAsync<double>("p => { p.scrollTop = 200; return p.scrollTop; }");
        Assert.True(scrolled > 0, "the left pane cannot scroll");

        // Then the right side follows to the same position, so that facing rows stay level
        await page.WaitForFunctionAsync("top => document.querySelector(\".jc-pane[data-side='right']\").scrollTop === top", scrolled);
        var leftTop = await row.EvaluateAsync<double>("r => r.getBoundingClientRect().top");
        var rightTop = await selected.EvaluateAsync<double>("r => r.getBoundingClientRect().top");
        Assert.Equal(leftTop, rightTop, 1.0);
    }
}
