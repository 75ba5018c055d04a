using JitLens.Jupyter.Tests.Support;
using JitLens.Rendering;
using JitLens.Rendering.Html;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.Html;

public sealed class HtmlViewBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public HtmlViewBrowserTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
    }

    [SkippableFact]
    public async Task Clicking_a_source_line_shows_exactly_that_lines_instructions_in_every_view()
    {
        // Given the report open in Chromium
        var page = await OpenReportAsync("line-click");

        // When line 11 (total += v) is clicked
        await page.ClickAsync("section[data-unit='0'] .jl-line[data-line='11']");

        // Then the line is selected and each view marks its instructions of that line, and only those
        Assert.Equal(["11"], await SelectedAsync(page, ".jl-line.jl-sel", "data-line"));
        Assert.Equal(["11", "11", "11", "11"], await SelectedAsync(page, ".jl-listing[data-view='il'] .jl-ins.jl-sel", "data-line"));
        Assert.Equal(["11", "11"], await SelectedAsync(page, ".jl-listing[data-view='asm'] .jl-ins.jl-sel", "data-line"));
        Assert.Equal("il (4)", await page.InnerTextAsync("section[data-unit='0'] .jl-tab[data-view='il']"));
        Assert.Contains("asm 2", await page.InnerTextAsync("section[data-unit='0'] .jl-status"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), "report-line-selected.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Clicking_an_instruction_highlights_its_source_line()
    {
        // Given the report with the asm tab shown
        var page = await OpenReportAsync("instruction-click");
        await page.ClickAsync("section[data-unit='0'] .jl-tab[data-view='asm']");

        // When the loop's compare instruction is clicked
        await page.ClickAsync("section[data-unit='0'] .jl-listing[data-view='asm'] .jl-ins:has-text('cmp edx, ecx')");

        // Then its source line (the foreach, line 9) is highlighted
        Assert.Equal(["9"], await SelectedAsync(page, ".jl-line.jl-sel", "data-line"));
    }

    [SkippableFact]
    public async Task Clicking_prolog_code_says_it_belongs_to_no_line()
    {
        // Given the asm tab shown
        var page = await OpenReportAsync("prolog-click");
        await page.ClickAsync("section[data-unit='0'] .jl-tab[data-view='asm']");

        // When a prolog instruction is clicked
        await page.ClickAsync("section[data-unit='0'] .jl-ins[data-region='prolog'] >> nth=0");

        // Then no source line is selected and the status names the region
        Assert.Empty(await SelectedAsync(page, ".jl-line.jl-sel", "data-line"));
        Assert.Contains("prolog", await page.InnerTextAsync("section[data-unit='0'] .jl-status"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Clicking_a_cfg_block_highlights_its_lines_and_blocks_are_coloured_by_line()
    {
        // Given the CFG tab shown
        var page = await OpenReportAsync("cfg-click");
        await page.ClickAsync("section[data-unit='0'] .jl-tab[data-view='cfg']");

        // When block B0 (lines 8 and 9) is clicked
        await page.ClickAsync("section[data-unit='0'] .cfg-block[data-block='B0'] rect");

        // Then lines 8 and 9 are highlighted and the blocks have different fills
        Assert.Equal(["8", "9"], await SelectedAsync(page, ".jl-line.jl-blocksel", "data-line"));
        var fills = await page.EvalOnSelectorAllAsync<string[]>(
            "section[data-unit='0'] .cfg-block rect", "els => els.map(e => getComputedStyle(e).fill)");
        Assert.Equal(3, fills.Distinct().Count());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), "report-cfg.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Arrow_keys_move_the_selected_line_through_lines_that_own_code()
    {
        // Given line 8 selected
        var page = await OpenReportAsync("keyboard");
        await page.ClickAsync("section[data-unit='0'] .jl-line[data-line='8']");

        // When down is pressed twice and up once
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");

        // Then the selection went 8 → 9 → 11 → 9 (line 10, a brace, owns no code)
        Assert.Equal(["9"], await SelectedAsync(page, ".jl-line.jl-sel", "data-line"));
    }

    [SkippableFact]
    public async Task The_picker_switches_to_a_kernel_and_shows_its_arch()
    {
        // Given the report with two methods and a kernel
        var page = await OpenReportAsync("picker");

        // When the kernel is picked
        await page.SelectOptionAsync(".jl-picker", "2");

        // Then only the kernel's section is visible, with its arch and its ptx view
        Assert.False(await page.IsVisibleAsync("section[data-unit='0']"));
        Assert.True(await page.IsVisibleAsync("section[data-unit='2'] .jl-arch"));
        Assert.Equal("arch: sm_80", await page.InnerTextAsync("section[data-unit='2'] .jl-arch"));
        Assert.True(await page.IsVisibleAsync("section[data-unit='2'] .jl-listing[data-view='ptx']"));
    }

    [SkippableFact]
    public async Task The_view_follows_the_system_and_the_notebooks_theme()
    {
        // Given a browser that prefers dark colours
        var browser = _chromium.Require();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync(new Uri(WriteReport("theme")).AbsoluteUri);

        // Then the view is dark
        Assert.Equal("dark", await page.GetAttributeAsync(".jitlens", "data-theme"));

        // When JupyterLab marks its theme as light on the body
        await page.EvaluateAsync("document.body.setAttribute('data-jp-theme-light', 'true')");

        // Then the view turns light, with a light background
        await page.WaitForSelectorAsync(".jitlens[data-theme='light']");
        Assert.Equal("rgb(255, 255, 255)", await page.EvalOnSelectorAsync<string>(".jitlens", "e => getComputedStyle(e).backgroundColor"));
    }

    [SkippableFact]
    public async Task Two_views_on_one_page_do_not_interfere()
    {
        // Given a page holding two notebook fragments, as a notebook with two %%inspect outputs does
        var browser = _chromium.Require();
        var model = SampleModels.TwoMethodsAndAKernel();
        var path = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), "two-views.html");
        await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><body>" + HtmlView.ToFragment(model, new RenderOptions()) + HtmlView.ToFragment(model, new RenderOptions()) + "</body></html>");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        // When a line is clicked in the second view, on Sum's own section
        await page.SelectOptionAsync(".jitlens >> nth=1 >> .jl-picker", "0");
        await page.ClickAsync(".jitlens >> nth=1 >> section[data-unit='0'] .jl-line[data-line='13']");

        // Then only the second view has a selection
        Assert.Equal(0, await page.Locator(".jitlens >> nth=0 >> .jl-sel").CountAsync());
        Assert.True(await page.Locator(".jitlens >> nth=1 >> .jl-line.jl-sel").CountAsync() == 1);
    }

    [SkippableFact]
    public async Task The_report_makes_no_network_requests()
    {
        // Given a page that records every request
        var browser = _chromium.Require();
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        // When the report is opened and used
        await page.GotoAsync(new Uri(WriteReport("offline")).AbsoluteUri);
        await page.SelectOptionAsync(".jl-picker", "0");
        await page.ClickAsync("section[data-unit='0'] .jl-line[data-line='8']");

        // Then the only request was the file itself
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
    }

    /// <summary>The report open on Sum's own section (it opens on Demo.cs's whole file, WholeFileViewBrowserTests' subject).</summary>
    private async Task<IPage> OpenReportAsync(string name)
    {
        var browser = _chromium.Require();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(WriteReport(name)).AbsoluteUri);
        await page.SelectOptionAsync(".jl-picker", "0");
        return page;
    }

    private static string WriteReport(string name)
    {
        var path = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), $"report-{name}.html");
        File.WriteAllText(path, HtmlRendererTests.Render(SampleModels.TwoMethodsAndAKernel()));
        return path;
    }

    private static Task<string[]> SelectedAsync(IPage page, string selector, string attribute) =>
        page.EvalOnSelectorAllAsync<string[]>(
            "section.jl-unit:not([hidden]) " + selector,
            $"els => els.map(e => e.getAttribute('{attribute}'))");
}
