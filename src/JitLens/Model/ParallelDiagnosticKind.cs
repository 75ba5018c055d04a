namespace JitLens.Model;

/// <summary>The kinds of fact Numba's parallel diagnostics report (its "Fusing loops" and "Loop invariant code motion" parts).</summary>
public enum ParallelDiagnosticKind
{
    /// <summary>The loop was fused into <see cref="ParallelDiagnostic.Other"/>: one pass, one gufunc kernel.</summary>
    Fused,

    /// <summary>Numba tried to fuse the loop with <see cref="ParallelDiagnostic.Other"/> and could not.</summary>
    NotFused,

    /// <summary>A parallel loop nested in <see cref="ParallelDiagnostic.Other"/>, which runs it serially in each of its iterations.</summary>
    Serialized,

    /// <summary>An allocation made once before the loop and reused by every iteration.</summary>
    HoistedAllocation,

    /// <summary>A statement of the user's (a variable's assignment) computed once before the loop.</summary>
    Hoisted,
}
