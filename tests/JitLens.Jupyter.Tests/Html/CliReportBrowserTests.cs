using JitLens.Jupyter.Tests.Support;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.Html;

/// <summary>The report a user gets from `jitlens inspect samples/Sample.cs --format html -o report.html`, real JIT output.</summary>
public sealed class CliReportBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public CliReportBrowserTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
    }

    [SkippableFact]
    public async Task The_sample_report_links_lines_instructions_and_cfg_blocks_both_ways()
    {
        // Given report.html written by the real CLI for the bundled sample's Sum method
        var browser = _chromium.Require();
        var folder = RepositoryPaths.Artifacts("jitlens-html");
        var report = Path.Combine(folder, "sample-report.html");
        var run = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll"), "inspect", Path.Combine(RepositoryPaths.Root, "samples", "Sample.cs"), "--method", "Sum", "--format", "html", "-o", report],
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.Describe());
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(report).AbsoluteUri);
        var unit = page.Locator("section.jl-unit:not([hidden])");

        // When the loop body's line (total += data[i]) is clicked
        var row = unit.Locator(".jl-line.jl-has-code", new LocatorLocatorOptions { HasText = "total += data[i];" });
        var line = await row.GetAttributeAsync("data-line");
        await row.ClickAsync();

        // Then instructions of that line, and only of that line, are highlighted in the IL view
        var selected = unit.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel");
        Assert.True(await selected.CountAsync() > 0, "the loop body owns no highlighted instruction");
        Assert.Equal(await selected.CountAsync(), await unit.Locator($".jl-listing:not([hidden]) .jl-ins.jl-sel[data-line='{line}']").CountAsync());

        // When the asm tab is shown and an instruction of the method's first line is clicked
        await unit.Locator(".jl-tab[data-view='asm']").ClickAsync();
        var instruction = unit.Locator(".jl-listing[data-view='asm'] .jl-ins[data-line]").First;
        var itsLine = await instruction.GetAttributeAsync("data-line");
        await instruction.ClickAsync();

        // Then that instruction's source line is the selected one
        Assert.Equal(itsLine, await unit.Locator(".jl-line.jl-sel").GetAttributeAsync("data-line"));

        // When the CFG tab is shown and a block with lines is clicked
        await unit.Locator(".jl-tab[data-view='cfg']").ClickAsync();
        var block = unit.Locator(".cfg-block:not([data-lines=''])").First;
        var blockLines = (await block.GetAttributeAsync("data-lines"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await block.ClickAsync();

        // Then exactly its lines are highlighted in the source
        var highlighted = await unit.Locator(".jl-line.jl-blocksel").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.line)");
        Assert.Equal(blockLines.Order(), highlighted.Order());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "sample-report.png"), FullPage = true });
    }
}
