using JitLens.Jupyter.Tests.Support;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.Html;

/// <summary>The whole-file view of a file with two methods, of each of two files, its views side by side, and search, in Chromium.</summary>
public sealed class WholeFileViewBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string File = "section.jl-unit[data-unit='file']";

    [SkippableFact]
    public async Task A_file_with_two_methods_opens_whole_with_every_methods_code_and_the_picker_filters_to_one()
    {
        // Given the report of two methods of one file
        var page = await OpenAsync("whole-file");

        // Then the whole file is shown, with both methods' code in the listing, each under its method's name
        Assert.Equal(1, await page.Locator("section.jl-unit:not([hidden])").CountAsync());
        Assert.True(await page.IsVisibleAsync(File));
        Assert.Equal("file", await page.InputValueAsync(".jl-picker"));
        var heads = await page.Locator($"{File} .jl-listing[data-view='il'] .jl-unit-head").AllInnerTextsAsync();
        Assert.Equal(2, heads.Count);
        Assert.StartsWith("Demo.Sum(int[])", heads[0], StringComparison.Ordinal);
        Assert.StartsWith("Demo.Greet(string)", heads[1], StringComparison.Ordinal);

        // And every line of either method owns code there, coloured by its line
        Assert.True(await page.IsVisibleAsync($"{File} .jl-line.jl-has-code[data-line='11']"));
        Assert.True(await page.IsVisibleAsync($"{File} .jl-line.jl-has-code[data-line='16']"));

        // When Greet's line is clicked, then Greet's instructions, and only those, are highlighted
        await page.ClickAsync($"{File} .jl-line[data-line='16']");
        Assert.Equal(["1", "1", "1"], await page.EvalOnSelectorAllAsync<string[]>($"{File} .jl-listing[data-view='il'] .jl-ins.jl-sel", "els => els.map(e => e.dataset.unit)"));

        // When the picker names Sum, then only Sum's own section is shown
        await page.SelectOptionAsync(".jl-picker", "0");
        Assert.False(await page.IsVisibleAsync(File));
        Assert.True(await page.IsVisibleAsync("section[data-unit='0']"));
        Assert.False(await page.IsVisibleAsync("section[data-unit='1']"));
    }

    [SkippableFact]
    public async Task Units_of_two_files_get_a_whole_file_view_each_that_the_picker_chooses_between()
    {
        // Given the report of two methods of Demo.cs and a kernel of Kernels.cs
        var page = await OpenAsync("two-files", SampleModels.TwoMethodsAndAKernel());

        // Then it opens on Demo.cs whole, with both its methods' code and not the kernel's, and the picker offers each file
        const string demo = "section.jl-unit[data-unit='file-0']";
        const string kernels = "section.jl-unit[data-unit='file-1']";
        Assert.Equal(1, await page.Locator("section.jl-unit:not([hidden])").CountAsync());
        Assert.True(await page.IsVisibleAsync(demo));
        Assert.Equal("file-0", await page.InputValueAsync(".jl-picker"));
        var options = await page.Locator(".jl-picker option").AllInnerTextsAsync();
        Assert.Equal(["Whole file: Demo.cs (2 units)", "Whole file: Kernels.cs (1 unit)"], options.Take(2));
        Assert.Equal("Whole file: Demo.cs", await page.InnerTextAsync($"{demo} .jl-name"));
        var heads = await page.Locator($"{demo} .jl-listing[data-view='il'] .jl-unit-head").AllInnerTextsAsync();
        Assert.Equal(2, heads.Count);
        Assert.StartsWith("Demo.Sum(int[])", heads[0], StringComparison.Ordinal);
        Assert.StartsWith("Demo.Greet(string)", heads[1], StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"{demo} .jl-listing[data-view='ptx']").CountAsync());

        // When Kernels.cs is picked and the kernel's line 3 is clicked
        await page.SelectOptionAsync(".jl-picker", "file-1");
        await page.ClickAsync($"{kernels} .jl-line[data-line='3']");

        // Then that file is shown whole, alone, with the kernel's PTX, and the line's three instructions are marked as the kernel's
        Assert.False(await page.IsVisibleAsync(demo));
        Assert.True(await page.IsVisibleAsync(kernels));
        Assert.Equal("Kernels.cs", await page.InnerTextAsync($"{kernels} .jl-path"));
        Assert.Equal(["2", "2", "2"], await page.EvalOnSelectorAllAsync<string[]>($"{kernels} .jl-listing[data-view='ptx'] .jl-ins.jl-sel", "els => els.map(e => e.dataset.unit)"));

        // When the picker names Sum, then only Sum's own section is shown
        await page.SelectOptionAsync(".jl-picker", "0");
        Assert.False(await page.IsVisibleAsync(kernels));
        Assert.True(await page.IsVisibleAsync("section[data-unit='0']"));
    }

    [SkippableFact]
    public async Task Views_side_by_side_show_il_and_asm_next_to_each_other_and_a_line_click_marks_both()
    {
        // Given the whole-file report
        var page = await OpenAsync("side-by-side");

        // When the views are put side by side and line 11 is clicked
        await page.CheckAsync(".jl-split-toggle");
        await page.ClickAsync($"{File} .jl-line[data-line='11']");

        // Then IL and asm are both shown, next to each other, each with line 11's instructions marked
        var il = await page.Locator($"{File} .jl-listing[data-view='il']").BoundingBoxAsync();
        var asm = await page.Locator($"{File} .jl-listing[data-view='asm']").BoundingBoxAsync();
        Assert.NotNull(il);
        Assert.NotNull(asm);
        Assert.True(asm.X >= il.X + il.Width - 1, $"asm (x={asm.X}) is not to the right of IL (x={il.X}, width={il.Width})");
        Assert.True(Math.Abs(asm.Y - il.Y) < 1, "IL and asm do not start at the same height");
        Assert.Equal(4, await page.Locator($"{File} .jl-listing[data-view='il'] .jl-ins.jl-sel").CountAsync());
        Assert.Equal(2, await page.Locator($"{File} .jl-listing[data-view='asm'] .jl-ins.jl-sel").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), "report-side-by-side.png"), FullPage = true });

        // When they go back to tabs, then one view is shown again
        await page.UncheckAsync(".jl-split-toggle");
        Assert.Equal(1, await page.Locator($"{File} .jl-listing:not([hidden])").CountAsync());
    }

    [SkippableFact]
    public async Task Search_marks_the_matching_instructions_and_Enter_moves_to_each_in_turn()
    {
        // Given the whole-file report
        var page = await OpenAsync("search");

        // When "ldarg" is searched for
        await page.FillAsync(".jl-search", "ldarg");

        // Then exactly the instructions containing it are marked, and the status counts them
        var expected = await page.EvalOnSelectorAllAsync<int>($"{File} .jl-listing .jl-ins", "els => els.filter(e => e.textContent.toLowerCase().includes('ldarg')).length");
        Assert.True(expected > 1, "the sample has fewer than two ldarg instructions");
        Assert.Equal(expected, await page.Locator($"{File} .jl-ins.jl-hit").CountAsync());
        Assert.StartsWith($"{expected} instructions match", await page.InnerTextAsync($"{File} .jl-status"), StringComparison.Ordinal);

        // When Enter is pressed twice, then the second match is the current one
        await page.PressAsync(".jl-search", "Enter");
        await page.PressAsync(".jl-search", "Enter");
        Assert.Equal(1, await page.Locator($"{File} .jl-ins.jl-hit.jl-current").CountAsync());
        Assert.Equal(1, await page.EvalOnSelectorAllAsync<int>($"{File} .jl-ins.jl-hit", "els => els.findIndex(e => e.classList.contains('jl-current'))"));
    }

    [SkippableFact]
    public async Task Arrow_keys_walk_the_lines_of_every_method_in_the_whole_file()
    {
        // Given Sum's last line with code (13, return total) selected in the whole file
        var page = await OpenAsync("whole-file-keys");
        await page.ClickAsync($"{File} .jl-line[data-line='13']");

        // When down is pressed, then the selection moves on to Greet's line, 16
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("16", await page.GetAttributeAsync($"{File} .jl-line.jl-sel", "data-line"));
    }

    private async Task<IPage> OpenAsync(string name, Model.InspectionResult? model = null)
    {
        var browser = chromium.Require();
        var page = await browser.NewPageAsync();
        var path = Path.Combine(RepositoryPaths.Artifacts("jitlens-html"), $"report-{name}.html");
        await System.IO.File.WriteAllTextAsync(path, HtmlRendererTests.Render(model ?? SampleModels.TwoMethodsOfOneFile()));
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }
}
