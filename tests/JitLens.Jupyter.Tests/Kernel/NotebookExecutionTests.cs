using System.Text.Json.Nodes;
using JitLens.Jupyter.Tests.Support;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>A notebook of C# cells, one with %%inspect, executed headless by Debian's nbclient and nbconvert.</summary>
public sealed class NotebookExecutionTests : IClassFixture<KernelEnvironment>
{
    private static readonly string[] Cells =
    [
        "var numbers = new[] { 3, 1, 2 };\nnumbers.Length",
        "Console.WriteLine($\"sum {numbers.Sum()}\");",
        "%%inspect\nint SumOf(int[] values)\n{\n    var total = 0;\n    foreach (var v in values)\n        total += v;\n    return total;\n}\nSumOf(numbers)",
        "SumOf(new[] { 10, 20 })",
        "var fine = 1;\nvar oops = undefinedName + 1;",
        "int Divide(int a, int b)\n{\n    return a / b;\n}\nDivide(1, 0)",
        "numbers.Max()",
    ];

    private readonly KernelEnvironment _jupyter;

    public NotebookExecutionTests(KernelEnvironment jupyter)
    {
        _jupyter = jupyter;
    }

    [SkippableFact]
    public async Task A_notebook_with_inspect_runs_through_nbclient_with_values_view_and_errors()
    {
        // Given the notebook and the installed kernel
        KernelEnvironment.RequireJupyter();
        var (input, output) = NotebookPaths("nbclient");

        // When nbclient executes it headless
        var run = await _jupyter.RunPythonAsync("execute_notebook.py", input, output, JitLens.Jupyter.KernelSpec.Name);

        // Then every cell has the outputs it should
        Assert.True(run.ExitCode == 0, run.Describe());
        AssertOutputs(output);
    }

    [SkippableFact]
    public async Task A_notebook_with_inspect_runs_through_jupyter_nbconvert_execute()
    {
        // Given the notebook and the installed kernel
        KernelEnvironment.RequireJupyter();
        var (input, output) = NotebookPaths("nbconvert");

        // When `jupyter nbconvert --to notebook --execute` runs it
        var run = await ProcessRunner.RunAsync(
            "/usr/bin/jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.startup_timeout=300", "--output", output, input],
            _jupyter.Variables,
            TimeSpan.FromMinutes(8));

        // Then every cell has the outputs it should
        Assert.True(run.ExitCode == 0, run.Describe());
        AssertOutputs(output);
    }

    private (string Input, string Output) NotebookPaths(string name)
    {
        var input = Path.Combine(_jupyter.Root, $"{name}.ipynb");
        Notebook.Write(input, Cells);
        return (input, Path.Combine(RepositoryPaths.Artifacts("jitlens-notebook"), $"{name}-executed.ipynb"));
    }

    private static void AssertOutputs(string path)
    {
        var cells = Notebook.Outputs(path);

        // A value, then printed text
        Assert.Equal("3", Result(cells[0]));
        Assert.Equal("sum 6\n", Notebook.Text(Single(cells[1], "stream")["text"]));

        // %%inspect: the cell ran (its value) and the view of its method shows code on the cell's own lines
        var html = Notebook.Text(Single(cells[2], "display_data")["data"]!["text/html"]);
        Assert.Contains("class=\"jitlens\"", html, StringComparison.Ordinal);
        Assert.Contains("SumOf", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"jl-k\">foreach</span>", html, StringComparison.Ordinal);
        Assert.Matches("class=\"jl-ins[^\"]*\" data-region=\"body\" data-line=\"6\"", html);
        Assert.Matches("class=\"jl-ins[^\"]*\" data-region=\"body\" data-line=\"7\"", html);
        Assert.Equal("6", Result(cells[2]));

        // The method defined under %%inspect is usable later
        Assert.Equal("30", Result(cells[3]));

        // A compile error names the cell and the line and column
        var compileError = Single(cells[4], "error");
        Assert.Equal("CompilationError", (string?)compileError["ename"]);
        Assert.StartsWith("In[5]:2:12: error CS0103:", (string?)compileError["evalue"], StringComparison.Ordinal);

        // An exception names the line it came from
        var exception = Single(cells[5], "error");
        Assert.Equal("DivideByZeroException", (string?)exception["ename"]);
        Assert.Contains("In[6]:line 3", string.Join("\n", exception["traceback"]!.AsArray().Select(t => (string?)t)), StringComparison.Ordinal);

        // ...and the kernel lives on with its state
        Assert.Equal("3", Result(cells[6]));
    }

    private static JsonNode Single(JsonArray outputs, string type) =>
        Assert.Single(outputs, o => (string?)o!["output_type"] == type)!;

    private static string Result(JsonArray outputs) =>
        Notebook.Text(Single(outputs, "execute_result")["data"]!["text/plain"]);
}
