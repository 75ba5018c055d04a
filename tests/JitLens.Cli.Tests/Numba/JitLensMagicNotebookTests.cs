using Xunit;
using Xunit.Abstractions;

namespace JitLens.Cli.Tests.Numba;

/// <summary>The IPython extension in a real notebook: Debian's ipykernel driven by nbclient, jitlens from this build.</summary>
public sealed partial class JitLensMagicNotebookTests(MagicNotebook notebook, ITestOutputHelper output) : IClassFixture<MagicNotebook>
{
    // The body's line is line 10 of the cell as the user sees it (the %%jitlens line is line 1). The signature is
    // quoted, with a space in it, as users write it.
    public const string Cell = """
        %%jitlens --llvm --asm --signature 'scaled:float64(float64, int64)'
        import numpy as np
        from numba import njit


        @njit
        def total(values):
            acc = 0.0
            for v in values:
                acc += v
            return acc


        @njit
        def scaled(x, k):
            return x * k


        total(np.arange(10.0))
        """;

    // Defines and compiles half(), then raises on line 8.
    public const string RaisingCell = """
        %%jitlens --asm
        from numba import njit


        @njit
        def half(x):
            return x / 2
        ratio = half(4.0) / 0
        """;

    [Fact]
    public void Should_show_the_per_line_views_as_the_cell_output_and_keep_the_function_for_later_cells()
    {
        // Given a notebook that loads the extension, inspects an @njit cell with --llvm --asm and calls the function in a
        // later cell, then inspects a cell that raises; When nbclient executes it with the python3 kernel (once, shared)
        output.WriteLine(notebook.Log);
        var cells = notebook.Cells;

        // Then the %%jitlens cell shows the HTML view: the function's signature, the LLVM IR and asm views only, and the loop body's line owning code
        var html = MagicNotebook.HtmlOutput(cells[1]!);
        Assert.Contains("total(array(float64, 1d, C))", html, StringComparison.Ordinal);
        Assert.Contains("acc += v", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"llvm\"", html, StringComparison.Ordinal);
        Assert.Contains("data-view=\"asm\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-view=\"bytecode\"", html, StringComparison.Ordinal);
        Assert.Matches("class=\"jl-line jl-has-code[^\"]*\" data-line=\"10\"", html);

        // And it is a fragment for the notebook's page: one root element, no document of its own
        Assert.StartsWith("<div class=\"jitlens\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<body", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);

        // And the quoted --signature compiled scaled() for (float64, int64), which the cell never called
        Assert.Contains("scaled(float64, int64)", html, StringComparison.Ordinal);

        // And the later cell called the function the %%jitlens cell defined
        var later = string.Concat(cells[2]!["outputs"]!.AsArray().Select(o => NotebookDocument.Text(o!["text"])));
        Assert.Contains("later cell: 7.0", later, StringComparison.Ordinal);

        // And the cell that raised after compiling half() shows its traceback as a normal cell does, then the view of
        // half() with one sentence at the line that raised
        var raising = cells[3]!["outputs"]!.AsArray();
        Assert.Contains(raising, o => (string?)o!["output_type"] == "error" && (string?)o["ename"] == "ZeroDivisionError");
        var raisingHtml = MagicNotebook.HtmlOutput(cells[3]!);
        Assert.Contains("half(float64)", raisingHtml, StringComparison.Ordinal);
        Assert.Matches(@"cell\d+\.py:8: running the file raised ZeroDivisionError: float division by zero", raisingHtml);
    }

    [SkippableFact]
    public async Task Should_keep_every_function_signature_and_view_readable_without_JavaScript_in_the_HTML_export()
    {
        // Given the executed notebook exported to HTML by nbconvert, opened in Chromium with JavaScript off (as GitHub,
        // nbviewer or an untrusted notebook show it)
        var page = await notebook.OpenExportAsync(javaScript: false);

        // When the reader looks at the %%jitlens cell's output
        var view = page.Locator(".jitlens").First;

        // Then every unit (each function and signature) and every view pane of it is displayed, each under its name
        var units = view.Locator("section.jl-unit");
        Assert.Equal(2, await units.CountAsync());
        foreach (var unit in await units.AllAsync())
        {
            Assert.True(await unit.IsVisibleAsync());
            Assert.Equal(["llvm", "asm"], await unit.Locator(".jl-pane-title").AllInnerTextsAsync());
            foreach (var pane in await unit.Locator(".jl-pane").AllAsync())
            {
                Assert.True(await pane.IsVisibleAsync(), "a view pane is hidden without JavaScript");
            }
        }

        Assert.Contains("scaled(float64, int64)", await view.InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_show_one_unit_as_tabs_and_highlight_a_clicked_line_with_JavaScript_in_the_HTML_export()
    {
        // Given the nbconvert export opened with JavaScript on
        var page = await notebook.OpenExportAsync(javaScript: true);
        var view = page.Locator(".jitlens").First;

        // When the loop body's line of the first unit is clicked
        var unit = view.Locator("section.jl-unit:not([hidden])");
        Assert.Equal(1, await unit.CountAsync());
        await unit.Locator(".jl-line[data-line='10']").ClickAsync();

        // Then one pane is shown, its instructions of line 10 are highlighted, and the pane names are left to the tabs
        var pane = unit.Locator(".jl-pane:not([hidden])");
        Assert.Equal(1, await pane.CountAsync());
        Assert.True(await pane.Locator(".jl-ins.jl-sel[data-line='10']").CountAsync() > 0);
        Assert.False(await unit.Locator(".jl-pane-title").First.IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Should_leave_the_page_styles_alone_when_the_output_is_inserted_as_JupyterLab_does()
    {
        // Given a page with its own body styles, into which the cell's HTML output is inserted as JupyterLab does
        // (innerHTML, then each script element re-created so that it runs)
        var page = await notebook.NewPageAsync(javaScript: true);
        await page.SetContentAsync("<html><head><style>body{margin:3px;padding:7px;background:rgb(1, 2, 3);color:rgb(250, 250, 250)}</style></head><body><div id='out'></div></body></html>");
        await page.EvaluateAsync("""
            html => {
              const out = document.getElementById('out');
              out.innerHTML = html;
              for (const old of out.querySelectorAll('script')) {
                const script = document.createElement('script');
                script.textContent = old.textContent;
                old.replaceWith(script);
              }
            }
            """, MagicNotebook.HtmlOutput(notebook.Cells[1]!));

        // When the page is read back
        var body = await page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.body); return [s.margin, s.padding, s.backgroundColor, s.color]; }");

        // Then its body kept its styles, and the view runs inside its own root (one unit shown)
        Assert.Equal(["3px", "7px", "rgb(1, 2, 3)", "rgb(250, 250, 250)"], body);
        Assert.Equal(1, await page.Locator(".jitlens section.jl-unit:not([hidden])").CountAsync());
        Assert.True(await page.Locator(".jitlens.jl-js").CountAsync() == 1);
    }

}
