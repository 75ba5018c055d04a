using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A range check the JIT kept: a conditional branch to a block that throws IndexOutOfRangeException (.NET 10 calls
/// <c>ThrowHelpers.ThrowIndexOutOfRangeException</c>, older runtimes <c>CORINFO_HELP_RNGCHKFAIL</c>). One remark per branch.
/// </summary>
public sealed class BoundsCheckRemark : RemarkKind
{
    public override string Name => "bounds-check";

    public override string Singular => "bounds check kept";

    public override string Plural => "bounds checks kept";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        foreach (var check in facts.RangeChecks)
        {
            var instructions = facts.DotnetAsm!.Instructions;
            var branch = instructions[check.Branch];
            var line = RemarkLine.Of(branch) ?? RemarkLine.Of(instructions[check.Thrower]);
            var access = line is { } l ? ArrayAccesses.Describe(facts.Unit.Source.TextOf(l)) : null;
            var what = access is null ? "an index" : access;
            yield return Remark(line, $"bounds check kept on {what}: `{ListingLoops.Body(branch)}` branches to a throw of IndexOutOfRangeException", facts.DotnetAsm.View, check.InLoop);
        }
    }

    /// <summary>Whether a call's operand is the call that throws for an index out of range.</summary>
    internal static bool IsRangeFailure(string operand) =>
        operand.Contains("ThrowIndexOutOfRangeException", StringComparison.Ordinal) || operand.Contains("CORINFO_HELP_RNGCHKFAIL", StringComparison.Ordinal);
}
