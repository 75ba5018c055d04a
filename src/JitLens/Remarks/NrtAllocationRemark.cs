using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A heap allocation in a Numba function: a call to Numba's runtime allocator (<c>NRT_MemInfo_alloc*</c>, <c>NRT_MemInfo_new*</c>) in its LLVM IR — a new array.</summary>
public sealed class NrtAllocationRemark : RemarkKind
{
    public override string Name => "allocation";

    public override string Singular => "allocation";

    public override string Plural => "allocations";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        facts.LlvmCalls
            .Where(c => c.Callee.StartsWith("NRT_MemInfo_alloc", StringComparison.Ordinal) || c.Callee.StartsWith("NRT_MemInfo_new", StringComparison.Ordinal))
            .Select(c => Remark(c.Line, $"allocates an array on the heap ({c.Callee}){(c.InLoop ? ", once per iteration of the loop it sits in" : string.Empty)}", Views.LlvmIrView.Id, c.InLoop));
}
