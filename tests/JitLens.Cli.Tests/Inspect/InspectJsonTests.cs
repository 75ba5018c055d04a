using System.Text.Json;
using Xunit;

namespace JitLens.Cli.Tests.Inspect;

/// <summary><c>jitlens inspect --format json</c>: the contract other tools rely on.</summary>
public sealed class InspectJsonTests
{
    [Fact]
    public async Task Should_print_per_line_il_and_asm_for_the_sample_as_json()
    {
        // Given the bundled sample
        // When a user asks for one method as JSON
        var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--method", "Sum", "--format", "json");

        // Then it succeeds with the contract's shape: methods → lines → il/asm
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var method = Assert.Single(json.RootElement.GetProperty("methods").EnumerateArray());
        Assert.Equal("Samples.Sample.Sum(int[])", method.GetProperty("name").GetString());
        Assert.Equal("FullOpts", method.GetProperty("tier").GetString());
        Assert.True(method.GetProperty("codeSize").GetInt32() > 0);

        var body = method.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("source").GetString()!.Contains("total += data[i];", StringComparison.Ordinal));
        Assert.Contains(body.GetProperty("il").EnumerateArray(), i => i.GetString()!.EndsWith(": ldelem.i4", StringComparison.Ordinal));
        Assert.Contains(body.GetProperty("asm").EnumerateArray(), i => i.GetString()!.StartsWith("add eax, dword ptr [", StringComparison.Ordinal));

        // And frame code is kept as a region, not dropped
        Assert.Contains(method.GetProperty("regions").EnumerateArray(), r => r.GetProperty("kind").GetString() == "prolog");
    }

    [Fact]
    public async Task Should_write_to_the_output_file_and_only_the_requested_views()
    {
        // Given an output file and only the il view
        var file = Path.Combine(Path.GetTempPath(), $"jitlens-cli-{Guid.NewGuid():N}.json");
        try
        {
            // When the user inspects with -o
            var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--method", "DayName", "--view", "il", "-f", "json", "-o", file);

            // Then the file holds the JSON, the console nothing, and lines carry il but no asm
            Assert.True(exit == 0, stderr);
            Assert.Equal(string.Empty, stdout);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            var lines = json.RootElement.GetProperty("methods")[0].GetProperty("lines").EnumerateArray().ToList();
            Assert.Contains(lines, l => l.GetProperty("il").GetArrayLength() > 0);
            Assert.All(lines, l => Assert.False(l.TryGetProperty("asm", out _)));
            Assert.Contains(lines.SelectMany(l => l.GetProperty("il").EnumerateArray()), i => i.GetString()!.EndsWith("ldstr \"Sunday\"", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
