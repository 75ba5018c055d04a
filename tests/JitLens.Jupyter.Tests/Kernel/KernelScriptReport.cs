using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>
/// One run of a python/ script against a real kernel, shared by a test class as its fixture: the script prints its report
/// as JSON on its last line, and each test reads its part.
/// </summary>
public abstract class KernelScriptReport : IAsyncLifetime
{
    private readonly KernelEnvironment _jupyter = new();
    private readonly string _script;

    protected KernelScriptReport(string script)
    {
        _script = script;
    }

    public JsonNode? Report { get; private set; }

    public string? Failure { get; private set; }

    public async Task InitializeAsync()
    {
        await _jupyter.InitializeAsync();
        if (!KernelEnvironment.Available)
        {
            return;
        }

        var run = await _jupyter.RunPythonAsync(_script, JitLens.Jupyter.KernelSpec.Name);
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
        return Report![name] ?? throw new KeyNotFoundException($"{_script} reported no '{name}'");
    }

    public Task DisposeAsync() => _jupyter.DisposeAsync();
}
