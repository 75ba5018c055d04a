namespace JitLens.Cli.Commands.Inspect;

/// <summary>Where and how an inspection is written: the output format, a file or the console, and whether timings follow.</summary>
internal sealed record InspectDestination(string Format, FileInfo? Output, bool Timings);
