namespace JitLens.Model;

/// <summary>
/// One fact Numba's <c>parallel_diagnostics()</c> reports about the parallel loops (parfors) of a <c>parallel=True</c>
/// function: a loop fused into another or not, a nested loop run serially, something hoisted out of a loop.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Line">The source line the fact is about: the loop's, or the hoisted statement's; null outside the user's file.</param>
/// <param name="Loop">The parallel loop's number, as Numba's diagnostics and the Numba IR (<c>parfor #N</c>) call it.</param>
/// <param name="LoopLine">That loop's line.</param>
/// <param name="Other">The loop it was fused into, tried with, or runs inside; null for hoisting.</param>
/// <param name="OtherLine">That loop's line.</param>
public sealed record ParallelDiagnostic(ParallelDiagnosticKind Kind, int? Line, int Loop, int? LoopLine, int? Other, int? OtherLine)
{
    /// <summary>Why Numba did not fuse the two loops, in its words.</summary>
    public string? Reason { get; init; }

    /// <summary>The variable a hoisted statement assigns.</summary>
    public string? Variable { get; init; }
}
