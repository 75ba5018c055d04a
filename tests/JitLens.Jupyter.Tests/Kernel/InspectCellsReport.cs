namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>One run of inspect_cells.py against a real kernel: %%inspect cells in a row, a restart, a shutdown.</summary>
public sealed class InspectCellsReport() : KernelScriptReport("inspect_cells.py")
{
    /// <summary>The text view of a cell that ran fine and showed exactly one view.</summary>
    public string View(string name)
    {
        var cell = Part(name);
        Assert.True((string?)cell["status"] == "ok", cell.ToJsonString());
        return (string?)Assert.Single(cell["views"]!.AsArray()) ?? string.Empty;
    }
}
