using Xunit;

namespace JitLens.Cli.Tests.Inspect;

/// <summary><c>jitlens inspect</c> as text: each source line, then its code.</summary>
public sealed class InspectTextTests
{
    [Fact]
    public async Task Should_print_plain_text_with_each_source_line_followed_by_its_code_when_redirected()
    {
        // Given output redirected to a pipe (not a terminal)
        // When the user inspects a method
        var (exit, stdout, stderr) = await CliProcess.RunAsync("inspect", CliProcess.Sample, "--method", "NthPrime");

        // Then the text is plain (no colour escapes), with the method header, the source line, then il and asm lines
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain('\u001b', stdout);
        var lines = stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("== Samples.Sample.NthPrime(int)  [FullOpts", StringComparison.Ordinal));
        Assert.True(header >= 0, stdout);
        var source = Array.FindIndex(lines, l => l.Contains("| ", StringComparison.Ordinal) && l.Contains("Primes[n % Primes.Length]", StringComparison.Ordinal));
        Assert.True(source > header, stdout);
        Assert.StartsWith("        il ", lines[source + 1], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(source), l => l.StartsWith("        asm", StringComparison.Ordinal));
    }
}
