using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace JitLens.Cli.Tests.Serve;

/// <summary><c>jitlens serve</c>, the resident jitlens of the %%jitlens magic, driven over its pipes as the magic does.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Should_answer_each_request_line_with_what_the_command_would_print_and_keep_running()
    {
        // Given a running `jitlens serve`
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll"), "serve" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var server = Process.Start(start)!;
        var sample = Path.Combine(CliProcess.RepositoryRoot, "samples", "numba", "normalise.py");

        // When it is asked, one line each, to inspect a missing file, to inspect the Numba sample, and something that is not a request
        var missing = await AskAsync(server, JsonSerializer.Serialize<string[]>(["inspect", "/nonexistent/cell.py"]));
        var inspected = await AskAsync(server, JsonSerializer.Serialize<string[]>(["inspect", sample, "--format", "json", "--view", "llvm", "--timeout", "150"]));
        var malformed = await AskAsync(server, "inspect please");
        server.StandardInput.Close();
        await server.WaitForExitAsync();

        // Then each answer carries the command's exit code and output, and end of input ends the server
        Assert.Equal(1, (int)missing["exitCode"]!);
        Assert.Equal("/nonexistent/cell.py: no such file.", ((string)missing["stderr"]!).Trim());
        Assert.True((int)inspected["exitCode"]! == 0, (string?)inspected["stderr"]);
        Assert.Contains(JsonNode.Parse((string)inspected["stdout"]!)!["methods"]!.AsArray(), m => ((string)m!["name"]!).StartsWith("normalise(", StringComparison.Ordinal));
        Assert.Equal(1, (int)malformed["exitCode"]!);
        Assert.Contains("one JSON array of strings", (string)malformed["stderr"]!, StringComparison.Ordinal);
        Assert.Equal(0, server.ExitCode);
    }

    private static async Task<JsonNode> AskAsync(Process server, string request)
    {
        await server.StandardInput.WriteLineAsync(request);
        await server.StandardInput.FlushAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return JsonNode.Parse(await server.StandardOutput.ReadLineAsync(limit.Token) ?? throw new InvalidOperationException("the server ended"))!;
    }
}
