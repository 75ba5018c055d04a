using System.Diagnostics;
using System.Globalization;
using JitLens.Pipeline;
using JitLens.Processes;
using Xunit;

namespace JitLens.Tests.Processes;

/// <summary>The one child-process runner, on real process trees started through /bin/sh.</summary>
public sealed class ChildRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jitlens-child-").FullName;

    [Fact]
    public async Task Should_kill_a_child_that_outlives_its_limit_with_its_children_and_say_so_in_one_sentence()
    {
        // Given a shell that starts a sleeping child in the background and sleeps itself
        var pids = Path.Combine(_directory, "pids");
        var start = Shell($"sleep 30 & echo $! > {pids}; echo $$ >> {pids}; sleep 30");

        // When it runs with a limit it outlives
        var result = await ChildRun.RunAsync(start, "sleeper", TimeSpan.FromSeconds(1), CancellationToken.None);

        // Then it timed out, the sentence names the tool and the limit, and neither the shell nor its child is left
        Assert.True(result.TimedOut);
        Assert.Equal("sleeper did not finish within 1 s and was stopped.", result.TimedOutSentence);
        Assert.Equal(result.TimedOutSentence, Assert.Throws<InspectionException>(() => result.OrThrowWhenTimedOut()).Message);
        AssertAllGone(pids);
    }

    [Fact]
    public async Task Should_kill_the_whole_tree_when_the_caller_cancels()
    {
        // Given the same tree and a caller that gives up after a moment
        var pids = Path.Combine(_directory, "pids");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        // When it runs under a long limit
        var run = ChildRun.RunAsync(Shell($"sleep 30 & echo $! > {pids}; echo $$ >> {pids}; sleep 30"), "sleeper", TimeSpan.FromMinutes(5), cancel.Token);

        // Then the caller sees the cancellation and nothing of the tree is left
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        AssertAllGone(pids);
    }

    [Fact]
    public async Task Should_pass_on_the_exit_code_output_and_standard_error()
    {
        // Given a child that writes to both streams and fails
        // When it runs
        var result = await ChildRun.RunAsync(Shell("echo out; echo first problem >&2; echo second problem >&2; exit 3"), "failer", TimeSpan.FromSeconds(30), CancellationToken.None);

        // Then its exit code, output and standard error come back, the first error line first
        Assert.False(result.TimedOut);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.Output);
        Assert.Equal("first problem\nsecond problem\n", result.Errors.ReplaceLineEndings("\n"));
        Assert.Equal("first problem", result.FirstErrorLine);
    }

    [Fact]
    public async Task Should_keep_the_start_and_the_end_of_an_endless_standard_error()
    {
        // Given a child that writes far more to standard error than is kept
        // When it runs
        var result = await ChildRun.RunAsync(Shell("echo first >&2; seq 1 200000 >&2; echo last >&2"), "chatty", TimeSpan.FromSeconds(30), CancellationToken.None);

        // Then what is kept is bounded but holds the first and the last line
        Assert.InRange(result.Errors.Length, 1, 70 * 1024);
        Assert.StartsWith("first", result.Errors, StringComparison.Ordinal);
        Assert.EndsWith("last", result.Errors.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_in_a_sentence_that_a_missing_tool_cannot_start()
    {
        // Given a tool that does not exist
        // When it is started
        var error = Assert.Throws<InspectionException>(() => ChildProcess.Start(new ProcessStartInfo("/nonexistent/ptxas"), "ptxas"));

        // Then the sentence names the tool and its path
        Assert.StartsWith("ptxas (/nonexistent/ptxas) could not be started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_let_a_long_lived_child_be_talked_to_and_kill_its_tree_when_disposed()
    {
        // Given an interactive child that answers each line and keeps a sleeping child of its own
        var pids = Path.Combine(_directory, "pids");
        var start = Shell($"sleep 30 & echo $! > {pids}; echo $$ >> {pids}; while read line; do echo \"got $line\"; done");
        start.RedirectStandardInput = true;
        var child = ChildProcess.Start(start, "echoer");

        // When it is asked something and then disposed while it still runs
        await child.Input.WriteLineAsync("ping");
        await child.Input.FlushAsync();
        var answer = await child.Output.ReadLineAsync();
        child.Dispose();

        // Then it answered, and it and its child are gone
        Assert.Equal("got ping", answer);
        AssertAllGone(pids);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProcessStartInfo Shell(string script) => new("/bin/sh") { ArgumentList = { "-c", script } };

    private static void AssertAllGone(string pidFile)
    {
        var pids = File.ReadAllLines(pidFile).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, pids.Count);

        // A killed child of the killed shell is reaped by init: it may show as a zombie for a moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (pids.Any(Running) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.DoesNotContain(pids, Running);
    }

    private static bool Running(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
