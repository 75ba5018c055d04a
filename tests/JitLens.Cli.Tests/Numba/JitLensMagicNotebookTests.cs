using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace JitLens.Cli.Tests.Numba;

/// <summary>The IPython extension in a real notebook: Debian's ipykernel driven by nbclient, jitlens from this build.</summary>
public sealed class JitLensMagicNotebookTests(ITestOutputHelper output)
{
    // The body's line is line 10 of the cell as the user sees it (the %%jitlens line is line 1). The signature is
    // quoted, with a space in it, as users write it.
    private const string Cell = """
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
    private const string RaisingCell = """
        %%jitlens --asm
        from numba import njit


        @njit
        def half(x):
            return x / 2
        ratio = half(4.0) / 0
        """;

    [Fact]
    public async Task Should_show_the_per_line_views_as_the_cell_output_and_keep_the_function_for_later_cells()
    {
        // Given a notebook that loads the extension, inspects an @njit cell with --llvm --asm and calls the function in a later cell
        using var work = new TemporaryDirectory();
        var notebook = NotebookDocument.Create(
            new JsonObject { ["name"] = "python3", ["display_name"] = "Python 3", ["language"] = "python" },
            ["%load_ext jitlens", Cell, "print('later cell:', total(np.ones(7)))", RaisingCell]);
        var source = Path.Combine(work.Path, "in.ipynb");
        var executed = Path.Combine(work.Path, "out.ipynb");
        await File.WriteAllTextAsync(source, notebook.ToJsonString());

        // When nbclient executes it with the python3 kernel
        var (exitCode, log) = await RunNotebookAsync(source, executed, work.Path);
        output.WriteLine(log);
        Assert.Equal(0, exitCode);
        var cells = JsonNode.Parse(await File.ReadAllTextAsync(executed))!["cells"]!.AsArray();
        output.WriteLine(cells.ToJsonString());

        // Then the %%jitlens cell shows the HTML view: the function's signature, the LLVM IR and asm views only, and the loop body's line owning code
        var html = cells[1]!["outputs"]!.AsArray()
            .Select(o => o!["data"]?["text/html"])
            .Where(h => h is not null)
            .Select(h => h is JsonArray parts ? string.Concat(parts.Select(p => (string?)p)) : (string?)h)
            .Single()!;
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
        var raisingHtml = raising.Select(o => o!["data"]?["text/html"]).Where(h => h is not null).Select(h => NotebookDocument.Text(h)).Single();
        Assert.Contains("half(float64)", raisingHtml, StringComparison.Ordinal);
        Assert.Matches(@"cell\d+\.py:8: running the file raised ZeroDivisionError: float division by zero", raisingHtml);
    }

    private static async Task<(int ExitCode, string Log)> RunNotebookAsync(string source, string executed, string work)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Numba", "run_notebook.py"), source, executed])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The extension from this repository, the CLI from this build, Jupyter's state in the test's own directory.
        start.Environment["PYTHONPATH"] = Path.Combine(CliProcess.RepositoryRoot, "python");
        start.Environment["JITLENS_CLI"] = Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(work, "config");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(work, "data");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(work, "runtime");
        start.Environment["IPYTHONDIR"] = Path.Combine(work, "ipython");
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("jitlens-notebook-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
