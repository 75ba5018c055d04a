using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A GC-heap allocation in .NET code: a call to a CORINFO_HELP_NEW* helper, with the type the listing names.</summary>
public sealed class AllocationRemark : RemarkKind
{
    public override string Name => "allocation";

    public override string Singular => "allocation";

    public override string Plural => "allocations";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(InspectedUnit unit)
    {
        if (DotnetAsm.Listing(unit) is not { } asm)
        {
            return [];
        }

        var loops = ListingLoops.Of(asm);
        return DotnetAllocations.In(unit, asm)
            .Where(a => a.BoxedType is null)
            .Select(a => Remark(a.Line, $"allocates {Describe(a)} on the GC heap ({a.Helper})", asm.View, loops.InLoop(a.Index)));
    }

    private static string Describe(DotnetAllocations.Allocation allocation) => allocation.Type switch
    {
        null => allocation.Helper.Contains("ARR", StringComparison.Ordinal) ? "an array" : "an object",
        { } type => type,
    };
}
