using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A GC-heap allocation in .NET code: a call to a CORINFO_HELP_NEW* helper, with the type the listing names.</summary>
public sealed class AllocationRemark : RemarkKind
{
    public override string Name => "allocation";

    public override string Singular => "allocation";

    public override string Plural => "allocations";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts) =>
        facts.Allocations
            .Where(a => a.BoxedType is null)
            .Select(a => Remark(a.Call.Line, $"allocates {Describe(a)} on the GC heap ({a.Helper})", facts.DotnetAsm!.View, a.Call.InLoop));

    private static string Describe(DotnetAllocations.Allocation allocation) => allocation.Type switch
    {
        null => allocation.Helper.Contains("ARR", StringComparison.Ordinal) ? "an array" : "an object",
        { } type => type,
    };
}
