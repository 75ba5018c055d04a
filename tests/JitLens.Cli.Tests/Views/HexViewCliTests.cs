using System.Text.Json;
using JitLens.Views;
using Xunit;

namespace JitLens.Cli.Tests.Views;

/// <summary><c>jitlens inspect --view hex</c>: an opt-in view shown alone, though it is made from asm.</summary>
public sealed class HexViewCliTests
{
    [Fact]
    public async Task Should_show_the_hex_view_alone_when_only_it_is_asked_for()
    {
        // Given the sample
        // When the user asks for the hex view as JSON
        var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--method", "Sum", "--view", HexView.Id, "--format", "json");

        // Then the loop body's line has hex code and no asm array, though the hex is made from the asm
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var sum = json.RootElement.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Samples.Sample.Sum(int[])");
        var body = sum.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("source").GetString()!.Contains("total += data[i];", StringComparison.Ordinal));
        Assert.True(body.GetProperty(HexView.Id).GetArrayLength() > 0);
        Assert.False(body.TryGetProperty(AsmView.Id, out _));
    }

    [Fact]
    public async Task Should_leave_the_hex_view_out_when_no_view_is_asked_for()
    {
        // Given the sample
        // When the user asks for the default views
        var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--method", "Sum", "--format", "json");

        // Then asm is shown and the opt-in hex view is not
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var lines = json.RootElement.GetProperty("methods").EnumerateArray().SelectMany(m => m.GetProperty("lines").EnumerateArray()).ToList();
        Assert.Contains(lines, l => l.TryGetProperty(AsmView.Id, out _));
        Assert.DoesNotContain(lines, l => l.TryGetProperty(HexView.Id, out _));
    }
}
