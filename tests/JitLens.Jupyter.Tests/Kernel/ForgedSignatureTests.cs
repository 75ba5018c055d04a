using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Tests.Kernel;

public sealed class ForgedSignatureTests : IClassFixture<KernelEnvironment>
{
    private readonly KernelEnvironment _jupyter;

    public ForgedSignatureTests(KernelEnvironment jupyter)
    {
        _jupyter = jupyter;
    }

    [SkippableFact]
    public async Task Messages_with_a_forged_or_tampered_signature_are_rejected_and_do_not_run()
    {
        // Given a running kernel and a file only the forged code would create
        KernelEnvironment.RequireJupyter();
        var marker = Path.Combine(_jupyter.Root, "forged-code-ran.txt");

        // When execute requests signed with a wrong key, or changed after signing, are sent to its shell socket
        var run = await _jupyter.RunPythonAsync("forged_signature.py", JitLens.Jupyter.KernelSpec.Name, marker);
        Assert.True(run.ExitCode == 0, run.Describe());
        var report = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1])!;

        // Then nothing answered them, their code did not run, and properly signed requests still work
        Assert.Empty(report["answered"]!.AsArray());
        Assert.False((bool)report["marker_exists"]!);
        Assert.Equal("error", (string?)report["forged_variable_status"]);
        Assert.Contains("CS0103", (string?)report["forged_variable_errors"]![0], StringComparison.Ordinal);
        Assert.Equal("ok", (string?)report["after_status"]);
        Assert.Equal("42", (string?)report["after_results"]![0]);
    }
}
