using System.Globalization;
using System.Text.Json;
using Xunit;

namespace JitLens.Cli.Tests.Inspect;

/// <summary><c>jitlens inspect --timings</c>: where the wall time went, on stderr, without touching the output.</summary>
public sealed class InspectTimingsTests
{
    [Fact]
    public async Task Should_print_start_up_each_stage_that_ran_and_the_total_to_stderr_and_leave_stdout_alone()
    {
        // Given the bundled sample
        // When a user asks for its JSON with timings
        var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--method", "Sum", "--format", "json", "--timings");

        // Then stdout is still exactly the JSON
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Single(json.RootElement.GetProperty("methods").EnumerateArray());

        // And stderr has one line per part, in the order they ran, each with its milliseconds; the total covers the parts
        var rows = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("jitlens: ", StringComparison.Ordinal))
            .Select(l => l["jitlens: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.Equal(["start-up", "jit-host", "compile", "jit", "derived-views", "remarks", "cfg", "cfg-layout", "output", "total"], rows.Keys);
        Assert.All(rows.Values, ms => Assert.True(ms >= 0));
        Assert.True(rows["total"] >= rows["compile"] + rows["jit"], stderr);
    }
}
