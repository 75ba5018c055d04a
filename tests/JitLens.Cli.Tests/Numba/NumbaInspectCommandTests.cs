using System.Text.Json.Nodes;
using Xunit;

namespace JitLens.Cli.Tests.Numba;

/// <summary>`jitlens inspect FILE.py` as a user runs it: the JSON contract, --signature, and errors with exit code 1.</summary>
public sealed class NumbaInspectCommandTests
{
    private static string Sample => Path.Combine(CliProcess.RepositoryRoot, "samples", "numba", "normalise.py");

    [Fact]
    public async Task Should_write_every_function_and_signature_with_the_four_Numba_views_per_line()
    {
        // Given the Numba sample, which calls dot() with float64 arrays, and a float32 signature added on the command line
        // When the user runs jitlens inspect on it with JSON output
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("inspect", Sample, "--format", "json", "--signature", "dot:float64(float32[:], float32[:])");

        // Then every function is a method per signature, each line carrying exactly the views bytecode, numba_ir, llvm, asm
        Assert.True(exitCode == 0, stderr);
        var methods = JsonNode.Parse(stdout)!["methods"]!.AsArray();
        Assert.Equal(
            ["dot(array(float32, 1d, A), array(float32, 1d, A))", "dot(array(float64, 1d, C), array(float64, 1d, C))", "normalise(array(float64, 1d, C))", "soft_clip(float64, float64)"],
            methods.Select(m => (string)m!["name"]!).Order(StringComparer.Ordinal));
        foreach (var method in methods)
        {
            Assert.Equal("numba-O3", (string?)method!["tier"]);
            foreach (var line in method["lines"]!.AsArray())
            {
                // inlines/inlinedAt appear only on lines where one function was inlined into another, remarks only on lines that have any.
                Assert.Equal(["line", "source", "bytecode", "numba_ir", "llvm", "asm"], line!.AsObject().Select(p => p.Key).Where(k => k is not ("inlines" or "inlinedAt" or "remarks")));
            }
        }

        // And the dot product's body line owns the multiply-add in LLVM IR for the float64 signature
        var dot = methods.Single(m => (string?)m!["signature"] == "float64(array(float64, 1d, C), array(float64, 1d, C))")!;
        var body = dot["lines"]!.AsArray().Single(l => ((string)l!["source"]!).Contains("acc += a[i] * b[i]", StringComparison.Ordinal))!;
        Assert.Contains(body["llvm"]!.AsArray(), i => ((string)i!).Contains("fmul double", StringComparison.Ordinal));
        Assert.Contains(body["llvm"]!.AsArray(), i => ((string)i!).Contains("fadd double", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_exit_with_code_1_and_one_line_on_a_syntax_error()
    {
        // Given a Python file with a syntax error on line 2
        var file = Path.Combine(Path.GetTempPath(), $"jitlens-syntax-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, "def f(x):\n    return (x +\n");
        try
        {
            // When the user inspects it
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync("inspect", file);

            // Then jitlens says where, in one line on stderr, and exits with 1
            Assert.Equal(1, exitCode);
            Assert.Empty(stdout);
            Assert.StartsWith($"{file}:2:", stderr.Trim(), StringComparison.Ordinal);
            Assert.Contains("syntax error", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
