using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Diff;

/// <summary>The two inspections a diff compares, and what each is called in its output.</summary>
internal sealed record DiffSides(InspectRequest Left, InspectRequest Right, string LeftLabel, string RightLabel);
