using System.Text.Json;
using Xunit;

namespace JitLens.Cli.Tests.Gpu;

/// <summary><c>jitlens inspect</c> on ILGPU kernels, run as a user runs it.</summary>
public class GpuCliTests
{
    private static string KernelsSample => Path.Combine(CliProcess.RepositoryRoot, "samples", "gpu", "Kernels.cs");

    [Fact]
    public async Task Should_write_kernels_with_per_line_ptx_and_a_cfg_in_the_json_contract()
    {
        // Given the bundled kernels
        // When inspected for PTX and CFGs on sm_80, as JSON
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("inspect", KernelsSample, "--view", "ptx,cfg", "--arch", "sm_80", "--format", "json");

        // Then every loaded kernel is in "kernels" for sm_80, with lines carrying PTX and a graph with blocks and edges
        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var kernels = json.RootElement.GetProperty("kernels").EnumerateArray().ToList();
        Assert.Equal(["Samples.Kernels.Clamp", "Samples.Kernels.RowSums", "Samples.Kernels.Twice"], kernels.Select(k => k.GetProperty("name").GetString()).Order());
        Assert.All(kernels, k => Assert.Equal("sm_80", k.GetProperty("arch").GetString()));

        var rowSums = kernels.Single(k => k.GetProperty("name").GetString() == "Samples.Kernels.RowSums");
        var body = rowSums.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("source").GetString()!.Contains("sum += matrix", StringComparison.Ordinal));
        Assert.Contains(body.GetProperty("ptx").EnumerateArray(), p => p.GetString()!.StartsWith("ld.b32", StringComparison.Ordinal));

        var cfg = rowSums.GetProperty("cfg");
        var blocks = cfg.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Contains(blocks, b => b.GetProperty("lines").EnumerateArray().Any(l => l.GetInt32() == body.GetProperty("line").GetInt32()));
        var edges = cfg.GetProperty("edges").EnumerateArray().Select(e => (e[0].GetString(), e[1].GetString())).ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains(blocks, b => b.GetProperty("id").GetString() == e.Item1));
    }

    [Fact]
    public async Task Should_fail_with_one_sentence_for_an_unknown_architecture()
    {
        // Given --arch that is not a CUDA architecture
        // When inspected
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("inspect", KernelsSample, "--view", "ptx", "--arch", "gfx90a");

        // Then exit code 1 and one sentence, no stack trace
        Assert.Equal(1, exitCode);
        Assert.Equal("--arch gfx90a: expected an architecture such as sm_75, sm_80, sm_86 or sm_90.", stderr.Trim());
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
