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

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        foreach (var call in facts.Calls)
        {
            if (call.Instruction.Region == CodeRegion.ThrowPath || call.Callee is not { } callee
                || callee.Contains("ThrowHelper", StringComparison.Ordinal) || StaticBaseRemark.IsStaticBaseHelper(callee)
                || callee.StartsWith("System.Runtime.CompilerServices.GenericsHelpers.", StringComparison.Ordinal))
            {
                continue;
            }

            var how = DotnetAsm.Mnemonic(call.Instruction) == "jmp" ? "tail call to" : "calls";
            yield return Remark(call.Line, $"{how} {callee}: not inlined", facts.DotnetAsm!.View, call.InLoop);
        }
    }
}
