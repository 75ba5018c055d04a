using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A call the JIT did not inline: a direct call (or tail jump) to a managed method the listing names. Throw helpers on
/// cold paths, the static-base helpers (<see cref="StaticBaseRemark"/>) and the runtime's generic dictionary lookups
/// (GenericsHelpers) are left out.
/// </summary>
public sealed class CallRemark : RemarkKind
{
    public override string Name => "call";

    public override string Singular => "call not inlined";

    public override string Plural => "calls not inlined";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(InspectedUnit unit)
    {
        if (DotnetAsm.Listing(unit) is not { } asm)
        {
            yield break;
        }

        var loops = ListingLoops.Of(asm);
        for (var i = 0; i < asm.Instructions.Count; i++)
        {
            var instruction = asm.Instructions[i];
            if (instruction.Region == CodeRegion.ThrowPath || DotnetAsm.CallOperand(instruction) is not { } operand || DotnetAsm.DirectCallee(operand) is not { } callee
                || callee.Contains("ThrowHelper", StringComparison.Ordinal) || StaticBaseRemark.IsStaticBaseHelper(callee)
                || callee.StartsWith("System.Runtime.CompilerServices.GenericsHelpers.", StringComparison.Ordinal))
            {
                continue;
            }

            var how = DotnetAsm.Mnemonic(instruction) == "jmp" ? "tail call to" : "calls";
            yield return Remark(RemarkLine.Of(instruction), $"{how} {callee}: not inlined", asm.View, loops.InLoop(i));
        }
    }
}
