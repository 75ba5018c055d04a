using JitLens.Pipeline;

namespace JitLens.Processes;

/// <summary>How a child run to its end (or to its time limit) went.</summary>
/// <param name="ExitCode">Its exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="Errors">Its standard error, bounded (<see cref="BoundedText"/>).</param>
/// <param name="TimedOutSentence">For people, when it was stopped at its limit: the tool and the limit.</param>
public sealed record ChildResult(int ExitCode, string Output, string Errors, bool TimedOut, string TimedOutSentence)
{
    /// <summary>This result, or an <see cref="InspectionException"/> saying the child was stopped at its limit.</summary>
    public ChildResult OrThrowWhenTimedOut() => TimedOut ? throw new InspectionException(TimedOutSentence) : this;

    /// <summary>The first non-empty line of standard error, else of the output: what a failing tool says first.</summary>
    public string FirstErrorLine =>
        (Errors + "\n" + Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
