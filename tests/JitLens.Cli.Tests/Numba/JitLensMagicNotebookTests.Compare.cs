using System.Text.RegularExpressions;
using Xunit;

namespace JitLens.Cli.Tests.Numba;

/// <summary>
/// <c>%%jitlens --compare-signatures</c> and <c>--compare-opt</c> in the same notebook run (cells 4 on): the compare
/// view of <c>jitlens diff</c> as the cell's output, and bad input as one sentence.
/// </summary>
public sealed partial class JitLensMagicNotebookTests
{
    /// <summary>The loop line and the loop body's line of <see cref="CompareBody"/>, as the cell numbers them (the %%jitlens line is 1).</summary>
    private const int LoopLine = 9;

    private const int BodyLine = 10;

    /// <summary>The def line, which starts at column 0: only a separator keeps its number apart from it.</summary>
    private const int DefLine = 7;

    // Self-contained: at a NUMBA_OPT level other than the kernel's the cell runs alone in a new Python.
    private const string CompareBody = """
        import numpy as np
        from numba import njit


        @njit
        def summed(values):
            acc = 0
            for v in values:
                acc += v
            return acc


        summed(np.arange(10.0))
        """;

    /// <summary>Cells 4 to 7 of the notebook: two signatures, two opt levels, a function the cell lacks, a signature Numba cannot read.</summary>
    public static IReadOnlyList<string> CompareCells { get; } =
    [
        "%%jitlens --asm --compare-signatures 'summed(int64[:])' 'summed(float64[:])'\n" + CompareBody,
        "%%jitlens --asm --compare-opt 0,3\n" + CompareBody,
        "%%jitlens --compare-signatures 'nope(int64[:])' 'summed(float64[:])'\n" + CompareBody,
        "%%jitlens --compare-signatures 'summed:float64(int65[:])' 'summed:float64(float64[:])'\n" + CompareBody,
    ];

    [Fact]
    public void Should_show_two_signatures_side_by_side_aligned_by_line_with_the_changed_lines_flagged()
    {
        // Given the notebook's cell that compares summed() for an int64 array with summed() for a float64 array, written as calls
        output.WriteLine(notebook.Log);
        var html = MagicNotebook.HtmlOutput(notebook.Cells[4]!);

        // Then its output is the compare view as a fragment: one root element, no document of its own
        Assert.StartsWith("<div class=\"jc-compare\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<body", html, StringComparison.Ordinal);

        // And it pairs the two signatures of summed(), each side named by the signature it asked for, and no other
        Assert.Contains("summed(array(int64, 1d, A))", html, StringComparison.Ordinal);
        Assert.Contains("summed(int64[:]): ", html, StringComparison.Ordinal);
        Assert.Contains("summed(float64[:]): ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("array(float64, 1d, C)", html, StringComparison.Ordinal);

        // And the loop body's line faces its counterpart (one row id in both panes), flagged as changed: an integer
        // add on the left, a floating-point one on the right
        var body = Regex.Matches(html, $"class=\"jc-row jc-changed\" data-row=\"(0-\\d+)\" data-line=\"{BodyLine}\"");
        Assert.Equal(2, body.Count);
        Assert.Equal(body[0].Groups[1].Value, body[1].Groups[1].Value);

        // And lines whose code is the same on both sides are not flagged
        Assert.Matches("class=\"jc-row\" data-row=\"0-\\d+\"", html);
    }

    [Fact]
    public void Should_show_different_instruction_counts_on_the_loop_line_at_NUMBA_OPT_0_and_3()
    {
        // Given the notebook's cell that compares the cell at NUMBA_OPT=0 (run again in a new Python) with NUMBA_OPT=3 (the kernel's)
        output.WriteLine(notebook.Log);
        var html = MagicNotebook.HtmlOutput(notebook.Cells[5]!);

        // Then the sides are named by their levels and their listings are Numba's at those levels
        Assert.Contains("NUMBA_OPT=0: numba-O0", html, StringComparison.Ordinal);
        Assert.Contains("NUMBA_OPT=3: numba-O3", html, StringComparison.Ordinal);

        // And the loop line's row says how many instructions it has on each side, and the two counts differ
        var delta = Regex.Match(html, $"data-line=\"{LoopLine}\"><div class=\"jc-src\">.*?</div><div class=\"jc-delta\">asm (\\d+) → (\\d+) \\(");
        Assert.True(delta.Success, html);
        Assert.NotEqual(delta.Groups[1].Value, delta.Groups[2].Value);
        Assert.Matches($"class=\"jc-row jc-changed\" data-row=\"0-\\d+\" data-line=\"{LoopLine}\"", html);
    }

    [Fact]
    public void Should_answer_a_function_the_cell_lacks_and_a_signature_Numba_cannot_read_with_one_sentence_each()
    {
        // Given the cells that compare a signature of nope(), which the cell does not define, and one with a type Numba lacks
        output.WriteLine(notebook.Log);

        // Then each shows no view, only one sentence on stderr naming what is wrong
        Assert.Equal(
            "--compare-signatures 'nope(int64[:])' names no Numba function of the file and is not a Numba signature (name 'nope' is not defined)",
            OnlySentence(notebook.Cells[6]!["outputs"]!.AsArray()));
        Assert.Equal(
            "--compare-signatures 'summed:float64(int65[:])' is not a Numba signature (name 'int65' is not defined)",
            OnlySentence(notebook.Cells[7]!["outputs"]!.AsArray()));
    }

    [SkippableFact]
    public async Task Should_keep_both_compared_listings_side_by_side_and_readable_without_JavaScript_in_the_HTML_export()
    {
        // Given the nbconvert export opened with JavaScript off
        var page = await notebook.OpenExportAsync(javaScript: false);

        // When the reader looks at the signature comparison
        var view = page.Locator(".jc-compare").First;
        var left = view.Locator(".jc-pane[data-side='left']");
        var right = view.Locator(".jc-pane[data-side='right']");

        // Then both listings are shown, side by side, each with the loop body's line, and a styled page says nothing of trust
        Assert.True(await left.IsVisibleAsync() && await right.IsVisibleAsync());
        Assert.False(await view.Locator(".jc-trust").IsVisibleAsync());
        Assert.True((await left.BoundingBoxAsync())!.X < (await right.BoundingBoxAsync())!.X, "the two listings are not side by side");
        Assert.Contains("acc += v", await left.Locator($".jc-row[data-line='{BodyLine}']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("acc += v", await right.Locator($".jc-row[data-line='{BodyLine}']").InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_select_a_line_on_both_sides_when_it_is_clicked_with_JavaScript_in_the_HTML_export()
    {
        // Given the nbconvert export opened with JavaScript on
        var page = await notebook.OpenExportAsync(javaScript: true);
        var view = page.Locator(".jc-compare").First;

        // When the loop body's line is clicked in the left listing
        await view.Locator($".jc-pane[data-side='left'] .jc-row[data-line='{BodyLine}']").ClickAsync();

        // Then its counterpart in the right listing is selected too, and nothing else
        var selected = view.Locator(".jc-pane[data-side='right'] .jc-row.jc-selected");
        Assert.Equal(1, await selected.CountAsync());
        Assert.Equal(BodyLine.ToString(System.Globalization.CultureInfo.InvariantCulture), await selected.GetAttributeAsync("data-line"));
    }

    [SkippableFact]
    public async Task Should_keep_line_numbers_views_and_code_apart_when_an_untrusted_notebook_strips_styles_and_scripts()
    {
        // Given the signature comparison's output without its style and script, as an untrusted notebook shows it
        var html = Regex.Replace(MagicNotebook.HtmlOutput(notebook.Cells[4]!), "<(style|script)>.*?</\\1>", string.Empty, RegexOptions.Singleline);
        var page = await notebook.NewPageAsync(javaScript: false);
        await page.SetContentAsync($"<html><body>{html}</body></html>");

        // When the reader reads its text
        var text = await page.Locator(".jc-compare").InnerTextAsync();

        // Then it says that trusting the notebook brings the view back, each line number stands apart from its source,
        // and each view's name from its instruction
        Assert.Contains(JitLens.Compare.Rendering.CompareHtmlRenderer.TrustSentence, text, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^{DefLine} def summed\(values\):", text);
        Assert.Matches(@"(?m)^asm \S", text);
        Assert.DoesNotMatch(@"(?m)^asm\S", text);
    }

    private static string OnlySentence(System.Text.Json.Nodes.JsonArray outputs)
    {
        Assert.DoesNotContain(outputs, o => o!["data"]?["text/html"] is not null);
        var stream = Assert.Single(outputs);
        Assert.Equal("stderr", (string?)stream!["name"]);
        return NotebookDocument.Text(stream["text"]).Trim();
    }
}
