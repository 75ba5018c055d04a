namespace JitLens.Cli.Commands.Inspect;

/// <summary>Whether standard output is a terminal that wants colour (https://no-color.org and TERM=dumb opt out).</summary>
internal static class ColourTerminal
{
    public static bool IsStandardOutput() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
