using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>One run of inspect_cells.py against a real kernel: %%inspect cells in a row, a restart, a shutdown.</summary>
public sealed class InspectCellsReport : IAsyncLifetime
{
    private readonly KernelEnvironment _jupyter = new();

    public JsonNode? Report { get; private set; }

    public string? Failure { get; private set; }

    public async Task InitializeAsync()
    {
        await _jupyter.InitializeAsync();
        if (!KernelEnvironment.Available)
        {
            return;
        }

        var run = await _jupyter.RunPythonAsync("inspect_cells.py", JitLens.Jupyter.KernelSpec.Name);
        if (run.ExitCode != 0)
        {
            Failure = run.Describe();
            return;
        }

        Report = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1]);
    }

    public JsonNode Part(string name)
    {
        KernelEnvironment.RequireJupyter();
        Assert.True(Failure is null, Failure);
        return Report![name] ?? throw new KeyNotFoundException($"inspect_cells.py reported no '{name}'");
    }

    /// <summary>The text view of a cell that ran fine and showed exactly one view.</summary>
    public string View(string name)
    {
        var cell = Part(name);
        Assert.True((string?)cell["status"] == "ok", cell.ToJsonString());
        return (string?)Assert.Single(cell["views"]!.AsArray()) ?? string.Empty;
    }

    public Task DisposeAsync() => _jupyter.DisposeAsync();
}
