using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A virtual or interface call that dynamic PGO (Tier1-PGO code) devirtualised behind a guard: the receiver's method
/// table is compared with that of the class the profile saw most (for an interface, the implementing class), which then gets a direct call or the inlined body,
/// and every other class takes the virtual call (<see cref="GuardedCalls"/>). Inferred: read from the code's shape.
/// </summary>
public sealed class GuardedDevirtualizationRemark : RemarkKind
{
    /// <summary>What the remarks call the guessed class when the listing does not name the compared method table.</summary>
    public const string UnnamedClass = "a class the profile saw most";

    public override string Name => "guarded-devirtualization";

    public override string Singular => "guarded devirtualisation";

    public override string Plural => "guarded devirtualisations";

    public override RemarkEvidence Evidence => RemarkEvidence.Inferred;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        if (facts.DotnetAsm is not { } asm)
        {
            yield break;
        }

        var loops = facts.LoopsOf(asm);
        foreach (var guard in facts.Guards)
        {
            var fallback = asm.Instructions[guard.Fallback];
            var callee = DotnetAsm.Comment(fallback) is { } name ? $" to {name}" : string.Empty;
            var guessed = guard.GuessedClass ?? UnnamedClass;
            var call = VirtualCallRemark.IsInterfaceDispatch(DotnetAsm.CallOperand(fallback)!) ? "interface call" : "virtual call";
            yield return Remark(
                RemarkLine.Of(asm.Instructions[guard.Compare]),
                $"guarded devirtualisation: the {call}{callee} checks that the receiver is {guessed} (its method table) and then runs that class's method directly; other classes take the {call}",
                asm.View,
                loops.InLoop(guard.Compare));
        }
    }
}
