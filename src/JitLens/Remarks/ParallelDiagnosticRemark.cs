using System.Globalization;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// The remark kinds that word what Numba's own <c>parallel_diagnostics()</c> reported about a <c>parallel=True</c>
/// function's loops (<see cref="InspectedUnit.ParallelDiagnostics"/>): exact, since Numba says so itself. Each is
/// placed on the line the fact is about and refers to the Numba IR, where the loops are <c>parfor #N</c>.
/// </summary>
public abstract class ParallelDiagnosticRemark : RemarkKind
{
    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    /// <summary>Which of Numba's facts this kind words.</summary>
    protected abstract IReadOnlyList<ParallelDiagnosticKind> Reports { get; }

    /// <summary>Whether the fact's line runs inside a loop (a loop run serially inside another does).</summary>
    protected virtual bool InLoop => false;

    protected abstract string Message(ParallelDiagnostic diagnostic);

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Unit.ParallelDiagnostics
            .Where(d => Reports.Contains(d.Kind))
            .Select(d => Remark(d.Line, Message(d), Views.NumbaIrView.Id, InLoop));
    }

    /// <summary>How the remarks name a parallel loop: "parallel loop #3 (line 10)", as Numba's diagnostics number them.</summary>
    protected static string LoopName(int? loop, int? line) =>
        string.Create(CultureInfo.InvariantCulture, $"parallel loop #{loop}") + (line is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l})") : string.Empty);
}
