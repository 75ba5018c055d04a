using Xunit;

namespace JitLens.Cli.Tests.Diff;

/// <summary><c>jitlens diff</c>'s text on a real terminal: coloured, unless NO_COLOR or TERM=dumb asks for none.</summary>
public sealed class DiffColourTests
{
    private static readonly string[] TwoTiers = ["diff", CliProcess.Sample, "--left-tier", "tier0", "--right-tier", "optimized", "-m", "Sum", "--view", "asm", "--width", "80", "--timeout", "150"];

    [Fact]
    public async Task Should_colour_the_changed_code_and_the_deltas_on_a_colour_terminal()
    {
        // Given a terminal that shows colour
        // When two tiers of the sample's Sum are compared on it
        var (exit, output, _) = await CliProcess.RunInTerminalAsync(new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, TwoTiers);

        // Then Tier0's changed code is red (- lines), the optimized code green (+ lines), and the deltas yellow
        Assert.True(exit == 0, output);
        Assert.Contains("\u001b[31m       - asm  ", output, StringComparison.Ordinal);
        Assert.Contains("\u001b[32m       + asm  ", output, StringComparison.Ordinal);
        Assert.Matches("\u001b\\[33m[^\u001b]*asm \\d+ → \\d+ \\(-\\d+\\)", output);
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public async Task Should_write_no_colour_on_a_terminal_when_the_environment_asks_for_none(string variable, string value)
    {
        // Given a terminal whose user asked for no colour
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color", [variable] = value };

        // When two tiers are compared on it
        var (exit, output, _) = await CliProcess.RunInTerminalAsync(environment, TwoTiers);

        // Then the same comparison comes out without one colour code (the runtime's own terminal set-up, keypad mode,
        // is no colour)
        Assert.True(exit == 0, output);
        Assert.Contains("       + asm  ", output, StringComparison.Ordinal);
        Assert.DoesNotMatch("\u001b\\[[0-9;]*m", output);
    }
}
