using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A value boxed on the GC heap: an IL <c>box</c> on the line that the JIT kept as an allocation (CORINFO_HELP_BOX or NEWSFAST).</summary>
public sealed class BoxingRemark : RemarkKind
{
    public override string Name => "boxing";

    public override string Singular => "boxing";

    public override string Plural => "boxings";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        facts.Allocations
            .Where(a => a.BoxedType is not null)
            .Select(a => Remark(a.Call.Line, $"boxes {a.BoxedType} (IL box, allocated by {a.Helper}): a heap object per conversion to object or an interface", facts.DotnetAsm!.View, a.Call.InLoop));
}
