using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A branch that may diverge: a predicated branch (PTX <c>@%p bra</c> that is not <c>bra.uni</c>, SASS <c>@P0 BRA</c>).
/// When the predicate differs between the threads of a warp they take both paths one after the other; whether it does
/// depends on the data, so the remark is inferred.
/// </summary>
public sealed class DivergentBranchRemark : RemarkKind
{
    public override string Name => "divergent-branch";

    public override string Singular => "possibly divergent branch";

    public override string Plural => "possibly divergent branches";

    public override RemarkEvidence Evidence => RemarkEvidence.Inferred;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        foreach (var instruction in facts.KernelInstructions)
        {
            var opcode = instruction.Opcode;
            var isBranch = opcode is "bra" or "BRA" || opcode.StartsWith("BRA.", StringComparison.Ordinal);
            // PT and !PT are constants (always, never), not a per-thread predicate.
            if (instruction.Guard is not { } guard || !isBranch || guard.TrimStart('!') == "PT")
            {
                continue;
            }

            yield return Remark(instruction.Line, $"branch on a per-thread predicate (`@{guard} {opcode}`): threads of a warp that disagree run both paths in turn", facts.Kernel!.View, instruction.InLoop);
        }
    }
}
