using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>NRT reference counting (<c>NRT_incref</c>/<c>NRT_decref</c>) inside a loop of a Numba function's LLVM IR: an array or other NRT object is taken and released every iteration.</summary>
public sealed class RefcountRemark : RemarkKind
{
    public override string Name => "refcount";

    public override string Singular => "line with NRT reference counting in a loop";

    public override string Plural => "lines with NRT reference counting in a loop";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        LlvmCalls.ByLine(facts.LlvmCalls.Where(c => c.InLoop && c.Callee is "NRT_incref" or "NRT_decref"))
            .Select(l => Remark(l.Line, $"NRT reference counting inside a loop ({l.Count} call{(l.Count == 1 ? string.Empty : "s")} to {string.Join(", ", l.Callees)}): an array is taken and released every iteration", Views.LlvmIrView.Id, inLoop: true));
}
