using System.Text.Json;
using JitLens.Compilation;
using Xunit;

namespace JitLens.Cli.Tests.Inspect;

/// <summary><c>jitlens inspect MyLib.dll --method PATTERN</c>: a built assembly with its PDB.</summary>
public sealed class InspectAssemblyTests
{
    [Fact]
    public async Task Should_inspect_the_matching_methods_of_a_built_assembly()
    {
        // Given the sample built into an assembly with its portable PDB
        var directory = Directory.CreateTempSubdirectory("jitlens-cli-");
        try
        {
            var built = CSharpCompiler.Compile([CliProcess.Sample], directory.FullName);

            // When the user inspects the assembly, choosing methods by pattern
            var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", built.AssemblyPath, "--method", "Sum*", "--format", "json");

            // Then exactly the matching methods are there, mapped to the sample's lines
            Assert.True(exit == 0, stderr);
            using var json = JsonDocument.Parse(stdout);
            var names = json.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
            Assert.Contains("Samples.Sample.Sum(int[])", names);
            Assert.Contains("Samples.Sample.SumEvery(int[], int)", names);
            Assert.DoesNotContain("Samples.Sample.DayName(int)", names);
            var sum = json.RootElement.GetProperty("methods").EnumerateArray().First(m => m.GetProperty("name").GetString() == "Samples.Sample.Sum(int[])");
            Assert.Contains(sum.GetProperty("lines").EnumerateArray(), l => l.GetProperty("source").GetString()!.Contains("total += data[i];", StringComparison.Ordinal) && l.GetProperty("asm").GetArrayLength() > 0);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
