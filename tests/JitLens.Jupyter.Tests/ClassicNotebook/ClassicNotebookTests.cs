using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using JitLens.Jupyter.Tests.Kernel;
using JitLens.Jupyter.Tests.Support;
using JitLens.Rendering.Html;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.ClassicNotebook;

/// <summary>
/// The view as a user meets it in Debian's classic Jupyter Notebook: cells run through the real front end in
/// Chromium, the %%jitlens magic in Debian's IPython kernel, %%inspect in our C# kernel.
/// </summary>
public sealed class ClassicNotebookTests(ClassicNotebookServer server) : IClassFixture<ClassicNotebookServer>
{
    // The loop body, acc += v, is line 8 of the cell as the user sees it (the %%jitlens line is line 1).
    private const string NumbaCell = "%%jitlens --asm\nimport numpy as np\nfrom numba import njit\n\n@njit\ndef total(values):\n    acc = 0.0\n    for v in values:\n        acc += v\n    return acc\n\ntotal(np.arange(10.0))";

    private const string CSharpCell = "%%inspect\nint Clamp(int v, int lo, int hi)\n{\n    if (v < lo)\n        return lo;\n    return v > hi ? hi : v;\n}";

    [SkippableFact]
    public async Task A_jitlens_cell_answers_a_click_follows_the_white_page_and_leaves_the_notebook_its_keyboard()
    {
        // Given a Python notebook with a %%jitlens cell, opened in a browser whose OS prefers dark colours, and run
        WritePython("numba.ipynb", ["%load_ext jitlens", NumbaCell]);
        var page = await server.OpenAsync("numba.ipynb", ColorScheme.Dark);
        await ClassicNotebookServer.RunAllAsync(page);
        var view = page.Locator(".jitlens.jl-js");
        await view.WaitForAsync();

        // Then the view is light inside the white notebook, and its source is named as the notebook names the cell
        Assert.Equal("light", await view.GetAttributeAsync("data-theme"));
        Assert.Equal("rgb(255, 255, 255)", await view.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("In[2]", await view.Locator(".jl-path").InnerTextAsync());

        // When the loop body's line is clicked, then its asm is highlighted, and only its own
        await view.Locator(".jl-line[data-line='8']").ClickAsync();
        var selected = await view.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel").CountAsync();
        Assert.True(selected > 0, "no instruction of line 8 was highlighted");
        Assert.Equal(selected, await view.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel[data-line='8']").CountAsync());

        // When, still after that click, the user presses Esc, b (a new cell below), Enter, types and presses Shift+Enter
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("b");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("print(6 * 7)");
        await page.Keyboard.PressAsync("Shift+Enter");

        // Then the notebook made the cell and ran it
        await page.WaitForFunctionAsync("() => { const c = Jupyter.notebook.get_cell(2); return !!c && c.get_text() === 'print(6 * 7)' && c.output_area.outputs.some(o => (o.text || '').indexOf('42') >= 0); }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("jitlens-classic-notebook"), "numba.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task An_inspect_cell_answers_a_click_and_its_untrusted_copy_stays_readable()
    {
        // Given a C# notebook with an %%inspect cell, run in our kernel
        Notebook.Write(Path.Combine(server.NotebookFolder, "csharp.ipynb"), [CSharpCell]);
        var page = await server.OpenAsync("csharp.ipynb");
        await ClassicNotebookServer.RunAllAsync(page);
        var view = page.Locator(".jitlens.jl-js");
        await view.WaitForAsync();

        // Then it lists no scripting-engine members, and the CPU method names its architecture and extensions
        Assert.DoesNotContain("Submission#", await view.InnerTextAsync(), StringComparison.Ordinal);
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            Assert.StartsWith("arch: x64", await view.Locator(".jl-arch").First.InnerTextAsync(), StringComparison.Ordinal);
        }

        // When line 4 is clicked, then its code is highlighted
        await view.Locator(".jl-line[data-line='4']").ClickAsync();
        var selected = await view.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel").CountAsync();
        Assert.True(selected > 0, "no instruction of line 4 was highlighted");
        Assert.Equal(selected, await view.Locator(".jl-listing:not([hidden]) .jl-ins.jl-sel[data-line='4']").CountAsync());

        // When the saved notebook reaches someone else (changed, so its signature no longer matches) and is opened
        await page.EvaluateAsync("() => Jupyter.notebook.save_notebook()");
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(server.NotebookFolder, "csharp.ipynb")))!;
        saved["metadata"]!["received_from"] = "a colleague";
        await File.WriteAllTextAsync(Path.Combine(server.NotebookFolder, "received.ipynb"), saved.ToJsonString());
        var copy = await server.OpenAsync("received.ipynb");
        var output = copy.Locator(".output_html").First;
        await output.WaitForAsync();
        var text = await output.InnerTextAsync();

        // Then the view did not run, yet offsets, lines and instructions stay apart, and it says how to get it back
        Assert.Equal(0, await copy.Locator(".jl-js").CountAsync());
        Assert.Matches(@"(?m)^[0-9A-F]{4} 4 IL_[0-9a-f]{4}", text);
        Assert.DoesNotMatch(@"[0-9A-F]{4}4IL_", text);
        Assert.Contains(HtmlView.TrustSentence, text, StringComparison.Ordinal);
        await copy.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("jitlens-classic-notebook"), "untrusted.png"), FullPage = true });
    }

    private void WritePython(string name, IReadOnlyList<string> cells) => Notebook.WritePython(Path.Combine(server.NotebookFolder, name), cells);
}
