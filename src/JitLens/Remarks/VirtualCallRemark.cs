using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A call through a method table or an interface dispatch stub: an indirect call through a register
/// (<c>call [rax+0x40]</c>; <c>r11</c> holds the stub's cell for interface calls), or CORINFO_HELP_VIRTUAL_FUNC_PTR.
/// </summary>
public sealed partial class VirtualCallRemark : RemarkKind
{
    public override string Name => "virtual-call";

    public override string Singular => "virtual or interface call";

    public override string Plural => "virtual or interface calls";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        var guards = facts.Guards.GroupBy(g => g.Fallback).ToDictionary(g => g.Key, g => g.First().GuessedClass);
        foreach (var call in facts.Calls)
        {
            if (call.Instruction.Region == CodeRegion.ThrowPath || Describe(call.Operand, DotnetAsm.Comment(call.Instruction)) is not { } message)
            {
                continue;
            }

            if (guards.TryGetValue(call.Index, out var guessed))
            {
                message += $"; the fallback of a guarded devirtualisation, taken when the receiver is not {guessed ?? GuardedDevirtualizationRemark.UnnamedClass}";
            }

            yield return Remark(call.Line, message, facts.DotnetAsm!.View, call.InLoop);
        }
    }

    /// <summary>The remark's sentence for an indirect call, or null for a call that is not virtual.</summary>
    public static string? Describe(string operand, string? comment)
    {
        var callee = comment is null ? string.Empty : " to " + comment;
        if (operand.Contains("CORINFO_HELP_VIRTUAL_FUNC_PTR", StringComparison.Ordinal))
        {
            return "looks up a virtual method's address at run time (CORINFO_HELP_VIRTUAL_FUNC_PTR)";
        }

        if (!RegisterIndirect().IsMatch(operand))
        {
            return null;
        }

        return IsInterfaceDispatch(operand)
            ? $"interface call{callee} through a virtual stub dispatch cell: not devirtualised, not inlined"
            : $"virtual call{callee} through the method table (`{operand}`): not devirtualised, not inlined";
    }

    /// <summary>Whether an indirect call goes through a virtual stub dispatch cell (<c>[r11]</c>): an interface call.</summary>
    public static bool IsInterfaceDispatch(string operand) =>
        RegisterIndirect().Match(operand) is { Success: true } match && match.Groups["register"].Value == "r11" && match.Groups["offset"].Length == 0;

    [GeneratedRegex(@"^(\w+ ptr )?\[(?<register>r\w+|e\w+)(?<offset>[+-][^\]]+)?\]$|^(?<register>r\w+)$")]
    private static partial Regex RegisterIndirect();
}
