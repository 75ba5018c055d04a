using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>One run of protocol.py against a real kernel; each test reads its part of the report.</summary>
public sealed class ProtocolReport : IAsyncLifetime
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

        var run = await _jupyter.RunPythonAsync("protocol.py", JitLens.Jupyter.KernelSpec.Name);
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
        return Report![name] ?? throw new KeyNotFoundException($"protocol.py reported no '{name}'");
    }

    public Task DisposeAsync() => _jupyter.DisposeAsync();
}
