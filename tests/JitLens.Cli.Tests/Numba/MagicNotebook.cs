using System.Diagnostics;
using System.Text.Json.Nodes;
using JitLens.Jupyter.Tests.Html;
using Microsoft.Playwright;
using Xunit;

namespace JitLens.Cli.Tests.Numba;

/// <summary>
/// The %%jitlens notebook of <see cref="JitLensMagicNotebookTests"/>, executed once by nbclient (Debian's ipykernel,
/// jitlens from this build), exported to HTML by the real nbconvert, and a headless Chromium to open it in.
/// </summary>
public sealed class MagicNotebook : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("jitlens-notebook-").FullName;
    private readonly ChromiumFixture _chromium = new();

    public JsonArray Cells { get; private set; } = [];

    public string Log { get; private set; } = string.Empty;

    private string ExportPath => Path.Combine(_work, "out.html");

    public async Task InitializeAsync()
    {
        var notebook = NotebookDocument.Create(
            new JsonObject { ["name"] = "python3", ["display_name"] = "Python 3", ["language"] = "python" },
            ["%load_ext jitlens", JitLensMagicNotebookTests.Cell, "print('later cell:', total(np.ones(7)))", JitLensMagicNotebookTests.RaisingCell, .. JitLensMagicNotebookTests.CompareCells]);
        var source = Path.Combine(_work, "in.ipynb");
        var executed = Path.Combine(_work, "out.ipynb");
        await File.WriteAllTextAsync(source, notebook.ToJsonString());
        var (exitCode, log) = await RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Numba", "run_notebook.py"), source, executed]);
        Log = log;
        Assert.True(exitCode == 0, log);
        Cells = JsonNode.Parse(await File.ReadAllTextAsync(executed))!["cells"]!.AsArray();

        // nbconvert's HTML export keeps each output's HTML as it is, scripts included: what nbviewer serves.
        var (exportCode, exportLog) = await RunAsync("/usr/bin/python3", ["-m", "nbconvert", "--to", "html", "--output", ExportPath, executed]);
        Assert.True(exportCode == 0, exportLog);

        await _chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>The one text/html output of a cell.</summary>
    public static string HtmlOutput(JsonNode cell) =>
        cell["outputs"]!.AsArray().Select(o => o!["data"]?["text/html"]).Where(h => h is not null).Select(NotebookDocument.Text).Single();

    /// <summary>A new page, JavaScript on or off; skips where Debian's chromium is not installed.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    /// <summary>The nbconvert export, opened from disk.</summary>
    public async Task<IPage> OpenExportAsync(bool javaScript)
    {
        var page = await NewPageAsync(javaScript);
        await page.GotoAsync(new Uri(ExportPath).AbsoluteUri);
        return page;
    }

    private async Task<(int ExitCode, string Log)> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The extension from this repository, the CLI from this build, Jupyter's state in the test's own directory.
        start.Environment["PYTHONPATH"] = Path.Combine(CliProcess.RepositoryRoot, "python");
        start.Environment["JITLENS_CLI"] = Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(_work, "config");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(_work, "data");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(_work, "runtime");
        start.Environment["IPYTHONDIR"] = Path.Combine(_work, "ipython");
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
