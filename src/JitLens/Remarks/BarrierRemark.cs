using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A block-wide barrier in a kernel: PTX <c>bar.sync</c>/<c>barrier.sync</c>/<c>bar.arrive</c>/<c>bar.red</c>, SASS <c>BAR.*</c>.</summary>
public sealed class BarrierRemark : RemarkKind
{
    public override string Name => "barrier";

    public override string Singular => "barrier";

    public override string Plural => "barriers";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        facts.KernelInstructions
            .Where(i => i.Opcode is "BAR" || i.Opcode.StartsWith("BAR.", StringComparison.Ordinal) || i.Opcode.StartsWith("bar.", StringComparison.Ordinal) || i.Opcode.StartsWith("barrier.", StringComparison.Ordinal))
            .Select(i => Remark(i.Line, $"barrier ({i.Opcode}): every thread of the block waits here until all have arrived", facts.Kernel!.View, i.InLoop));
}
