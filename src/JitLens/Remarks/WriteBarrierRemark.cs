using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A GC write barrier: storing an object reference into the heap goes through CORINFO_HELP_ASSIGN_REF and its kin.</summary>
public sealed class WriteBarrierRemark : RemarkKind
{
    public override string Name => "write-barrier";

    public override string Singular => "GC write barrier";

    public override string Plural => "GC write barriers";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        foreach (var call in facts.Calls)
        {
            if (call.Helper is { } helper && IsBarrier(helper))
            {
                var checkedNote = helper.Contains("CHECKED", StringComparison.Ordinal) ? " (checked: the target may not be on the heap)" : string.Empty;
                yield return Remark(call.Line, $"GC write barrier{checkedNote}: a reference stored into the heap calls {helper}", facts.DotnetAsm!.View, call.InLoop);
            }
        }
    }

    private static bool IsBarrier(string helper) =>
        helper.EndsWith("ASSIGN_REF", StringComparison.Ordinal) || helper.Contains("ASSIGN_BYREF", StringComparison.Ordinal)
        || helper.Contains("WRITE_BARRIER", StringComparison.Ordinal) || helper.Contains("WRITEBARRIER", StringComparison.Ordinal);
}
