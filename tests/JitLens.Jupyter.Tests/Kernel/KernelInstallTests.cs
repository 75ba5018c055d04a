using System.Text.Json.Nodes;
using JitLens.Jupyter.Tests.Support;

namespace JitLens.Jupyter.Tests.Kernel;

public sealed class KernelInstallTests : IClassFixture<KernelEnvironment>
{
    private readonly KernelEnvironment _jupyter;

    public KernelInstallTests(KernelEnvironment jupyter)
    {
        _jupyter = jupyter;
    }

    [SkippableFact]
    public async Task Jitlens_kernel_install_user_registers_a_kernel_that_jupyter_lists()
    {
        // Given `jitlens kernel install --user` ran with JUPYTER_DATA_DIR set
        KernelEnvironment.RequireJupyter();
        Assert.True(_jupyter.Install!.ExitCode == 0, _jupyter.Install.Describe());

        // When Jupyter lists its kernel specs
        var list = await ProcessRunner.RunAsync("/usr/bin/jupyter", ["kernelspec", "list", "--json"], _jupyter.Variables, TimeSpan.FromMinutes(2));

        // Then ours is there, launching jitlens with the connection file, interrupted by message
        Assert.True(list.ExitCode == 0, list.Describe());
        var spec = JsonNode.Parse(list.Stdout)!["kernelspecs"]![JitLens.Jupyter.KernelSpec.Name]!["spec"]!;
        var argv = spec["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Equal(["kernel", "run", "{connection_file}"], argv[^3..]);
        Assert.Equal("csharp", (string?)spec["language"]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
    }
}
