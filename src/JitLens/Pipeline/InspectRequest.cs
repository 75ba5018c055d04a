using JitLens.Views;

namespace JitLens.Pipeline;

/// <summary>What the user asked to inspect, independent of the front end (CLI, Jupyter, IPython).</summary>
public sealed record InspectRequest
{
    /// <summary>Input files: C# sources (.cs), one built assembly (.dll with its .pdb), or a Python file (.py).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>What <see cref="Inputs"/> are, decided here once so that every stage agrees.</summary>
    public InputKind InputKind => InputKinds.Of(Inputs);

    /// <summary>Glob-like pattern on method names (<c>*</c> wildcards), null for every method.</summary>
    public string? MethodPattern { get; init; }

    /// <summary>Pattern naming methods to treat as GPU kernels in addition to those found by <c>Load*Kernel</c>.</summary>
    public string? KernelPattern { get; init; }

    /// <summary>Views to produce, by name (<see cref="ViewCatalog"/>); empty = the views shown by default.</summary>
    public IReadOnlyList<string> Views { get; init; } = [];

    /// <summary>JIT tier for CPU code.</summary>
    public JitTier Tier { get; init; } = JitTier.Optimized;

    /// <summary>GPU target, e.g. "sm_80".</summary>
    public string? Arch { get; init; }

    /// <summary>Extra Numba signatures to compile, e.g. "float64(float64[:])".</summary>
    public IReadOnlyList<string> Signatures { get; init; } = [];

    /// <summary>Python interpreter for the Numba frontend.</summary>
    public string? Python { get; init; }

    /// <summary>
    /// A Numba capture report already written for the (single) .py input by the code that ran it (the
    /// <c>%%jitlens</c> magic, in the user's kernel): the Numba frontend maps it instead of running the file again.
    /// </summary>
    public string? NumbaReport { get; init; }

    /// <summary>
    /// Numba's optimisation level (<c>NUMBA_OPT</c>, 0 to 3) for the Python process that runs the file; null leaves the
    /// environment's. With <see cref="NumbaReport"/> it is the level the report must have been captured at.
    /// </summary>
    public int? NumbaOpt { get; init; }

    /// <summary>
    /// Numba: show only the signatures <see cref="Signatures"/> asked for, not the others the file compiled (one
    /// side of a comparison of two signatures).
    /// </summary>
    public bool RequestedSignaturesOnly { get; init; }

    /// <summary>Wall-clock limit for any child process that runs or JITs user code.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether <paramref name="view"/> is to be made: it was asked for, or a view asked for is made from it, or none
    /// was asked for and it is shown by default.
    /// </summary>
    public bool Wants(string view) =>
        Views.Count == 0
            ? ViewCatalog.Find(view)?.ShownByDefault ?? true
            : Views.Any(v => string.Equals(v, view, StringComparison.OrdinalIgnoreCase)
                || (ViewCatalog.Find(v)?.MadeFrom.Contains(view, StringComparer.OrdinalIgnoreCase) ?? false));
}

public enum JitTier
{
    /// <summary>Fully optimized code, as steady state runs it (no user code runs).</summary>
    Optimized,

    /// <summary>The first, unoptimized tier.</summary>
    Tier0,

    /// <summary>Tier1 with dynamic PGO after warm-up; runs the user's code.</summary>
    Tier1Pgo,
}
