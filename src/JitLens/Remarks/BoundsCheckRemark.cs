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

    public override IEnumerable<CodeRemark> Find(InspectedUnit unit)
    {
        if (DotnetAsm.Listing(unit) is not { } asm)
        {
            yield break;
        }

        var instructions = asm.Instructions;
        var throwLabels = ThrowBlocks.Labels(instructions, IsRangeFailure);
        var loops = ListingLoops.Of(asm);
        for (var i = 0; i < instructions.Count; i++)
        {
            var branch = instructions[i];
            if (branch.Flow != ControlFlowKind.ConditionalBranch || branch.TargetLabel is not { } target || !throwLabels.TryGetValue(target, out var thrower))
            {
                continue;
            }

            var line = RemarkLine.Of(branch) ?? RemarkLine.Of(instructions[thrower]);
            var access = line is { } l ? ArrayAccesses.Describe(unit.Source.TextOf(l)) : null;
            var what = access is null ? "an index" : access;
            yield return Remark(line, $"bounds check kept on {what}: `{ListingLoops.Body(branch)}` branches to a throw of IndexOutOfRangeException", asm.View, loops.InLoop(i));
        }
    }

    /// <summary>The call that throws for an index out of range.</summary>
    internal static bool IsRangeFailure(CodeInstruction instruction) =>
        DotnetAsm.CallOperand(instruction) is { } operand
        && (operand.Contains("ThrowIndexOutOfRangeException", StringComparison.Ordinal) || operand.Contains("CORINFO_HELP_RNGCHKFAIL", StringComparison.Ordinal));
}
