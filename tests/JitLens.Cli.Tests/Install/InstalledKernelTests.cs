using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace JitLens.Cli.Tests.Install;

/// <summary>
/// The installed tool's Jupyter kernel: <c>jitlens kernel install --user</c>, then a notebook executed by Debian's
/// <c>jupyter nbconvert</c>. The kernel compiles and runs cells with Roslyn scripting, which needs the JIT; the native
/// tool registers the managed jitlens it ships for that, and this is where that is checked.
/// </summary>
public sealed class InstalledKernelTests
{
    private static readonly string? Tool = Environment.GetEnvironmentVariable("JITLENS_TOOL");

    [SkippableFact]
    public async Task Should_run_a_notebook_with_an_inspect_cell_on_the_kernel_the_installed_tool_registers()
    {
        Skip.If(string.IsNullOrEmpty(Tool) || !File.Exists(Tool), "JITLENS_TOOL does not name an installed jitlens; run scripts/install-tool.sh (scripts/test.sh does).");
        Skip.IfNot(File.Exists("/usr/bin/jupyter"), "/usr/bin/jupyter is needed (scripts/setup.sh installs it).");
        var root = Directory.CreateTempSubdirectory("jitlens-tool-kernel-").FullName;
        try
        {
            // Given the kernel installed by the installed tool into a private Jupyter data directory, and a notebook
            var environment = new Dictionary<string, string>
            {
                ["JUPYTER_DATA_DIR"] = Path.Combine(root, "data"),
                ["JUPYTER_CONFIG_DIR"] = Path.Combine(root, "config"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime"),
                ["JUPYTER_PLATFORM_DIRS"] = "1",
                ["PYTHONDONTWRITEBYTECODE"] = "1",
            };
            var (installExit, installOutput) = await RunAsync(Tool!, ["kernel", "install", "--user"], environment);
            Assert.True(installExit == 0, installOutput);
            var input = Path.Combine(root, "in.ipynb");
            var output = Path.Combine(root, "out.ipynb");
            var kernelSpec = new JsonObject { ["name"] = JitLens.Jupyter.KernelSpec.Name, ["display_name"] = JitLens.Jupyter.KernelSpec.DisplayName };
            var notebook = NotebookDocument.Create(kernelSpec, ["var numbers = new[] { 3, 1, 2 };\nnumbers.Length", "%%inspect\nint Twice(int v) => v * 2;\nTwice(21)"]);
            await File.WriteAllTextAsync(input, notebook.ToJsonString());

            // When jupyter nbconvert executes it
            var (exit, log) = await RunAsync("/usr/bin/jupyter",
                ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + JitLens.Jupyter.KernelSpec.Name,
                 "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.startup_timeout=300", "--output", output, input], environment);

            // Then the first cell has its value, and the inspect cell both ran and shows its method's code
            Assert.True(exit == 0, log);
            var cells = JsonNode.Parse(await File.ReadAllTextAsync(output))!["cells"]!.AsArray();
            Assert.Equal("3", NotebookDocument.Text(Output(cells[0]!, "execute_result")["data"]!["text/plain"]));
            Assert.Equal("42", NotebookDocument.Text(Output(cells[1]!, "execute_result")["data"]!["text/plain"]));
            var html = NotebookDocument.Text(Output(cells[1]!, "display_data")["data"]!["text/html"]);
            Assert.Contains("Twice", html, StringComparison.Ordinal);
            Assert.Contains("class=\"jitlens\"", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static JsonNode Output(JsonNode cell, string type) =>
        cell["outputs"]!.AsArray().Single(o => (string?)o!["output_type"] == type)!;

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
