using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A block-wide barrier in a kernel: PTX <c>bar.sync</c>/<c>barrier.sync</c>/<c>bar.arrive</c>/<c>bar.red</c>, SASS <c>BAR.*</c>.</summary>
public sealed class BarrierRemark : RemarkKind
{
    public override string Name => "barrier";

    public override string Singular => "barrier";

    public override string Plural => "barriers";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(InspectedUnit unit)
    {
        if (GpuCode.Listing(unit) is not { } listing)
        {
            yield break;
        }

        var loops = ListingLoops.Of(listing);
        for (var i = 0; i < listing.Instructions.Count; i++)
        {
            var opcode = GpuCode.Opcode(GpuCode.Split(listing.Instructions[i]).Operation);
            if (opcode is "BAR" || opcode.StartsWith("BAR.", StringComparison.Ordinal) || opcode.StartsWith("bar.", StringComparison.Ordinal) || opcode.StartsWith("barrier.", StringComparison.Ordinal))
            {
                yield return Remark(RemarkLine.Of(listing.Instructions[i]), $"barrier ({opcode}): every thread of the block waits here until all have arrived", listing.View, loops.InLoop(i));
            }
        }
    }
}
