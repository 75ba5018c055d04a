using JitLens.Jupyter.Tests.Html;
using JitLens.Jupyter.Tests.Support;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>
/// The %%inspect view inside a real notebook page: the notebook is executed and exported to HTML by
/// `jupyter nbconvert --execute --to html`, then used in Chromium as a reader would.
/// </summary>
public sealed class NotebookViewBrowserTests : IClassFixture<KernelEnvironment>, IClassFixture<ChromiumFixture>
{
    private readonly KernelEnvironment _jupyter;
    private readonly ChromiumFixture _chromium;

    public NotebookViewBrowserTests(KernelEnvironment jupyter, ChromiumFixture chromium)
    {
        _jupyter = jupyter;
        _chromium = chromium;
    }

    [SkippableFact]
    public async Task The_inspect_view_in_an_exported_notebook_answers_clicks_on_lines_and_instructions()
    {
        // Given a notebook with two %%inspect cells, executed and exported to HTML
        KernelEnvironment.RequireJupyter();
        var browser = _chromium.Require();
        var input = Path.Combine(_jupyter.Root, "view.ipynb");
        Notebook.Write(input,
        [
            "%%inspect\nint Clamp(int v, int lo, int hi)\n{\n    if (v < lo)\n        return lo;\n    return v > hi ? hi : v;\n}",
            "%%inspect --il\nlong Square(long x) => x * x;",
        ]);
        var folder = RepositoryPaths.Artifacts("jitlens-notebook");
        var export = await ProcessRunner.RunAsync(
            "/usr/bin/jupyter",
            ["nbconvert", "--to", "html", "--execute", "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.startup_timeout=300", "--output-dir", folder, "--output", "inspect-notebook", input],
            _jupyter.Variables,
            TimeSpan.FromMinutes(8));
        Assert.True(export.ExitCode == 0, export.Describe());

        // When it is opened offline (every request but the file itself refused) and line 4 of the first view is clicked
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("file://", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync(new Uri(Path.Combine(folder, "inspect-notebook.html")).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var first = page.Locator(".jitlens").Nth(0);
        var second = page.Locator(".jitlens").Nth(1);
        await first.Locator(".jl-line[data-line='4']").ClickAsync();

        // Then that line's instructions are highlighted in the first view only
        var selected = await first.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel").CountAsync();
        Assert.True(selected > 0, "no instruction of line 4 was highlighted");
        Assert.Equal(selected, await first.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel[data-line='4']").CountAsync());
        Assert.Equal(0, await second.Locator(".jl-sel").CountAsync());

        // When an instruction of the second view is clicked, then its line (2) is highlighted there
        await second.Locator(".jl-ins[data-line='2']").First.ClickAsync();
        Assert.Equal("2", await second.Locator(".jl-line.jl-sel").GetAttributeAsync("data-line"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "inspect-notebook.png"), FullPage = true });
    }
}
