using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// The guards dynamic PGO puts before a virtual or interface call it devirtualised for the class its profile saw most:
/// the receiver's method table compared with that class's (<c>cmp qword ptr [rdi], rax</c>, or <c>mov rax, qword ptr [rdi]</c>
/// then <c>cmp rax, rcx</c>), a <c>je</c>/<c>jne</c> right after, and the virtual call the other classes fall back to on
/// the same line. An inlined cast check compares method tables too, but leaves no virtual call on its line.
/// </summary>
internal static partial class GuardedCalls
{
    /// <summary>One guard: the index of its <c>cmp</c>, of the fallback virtual call, and the class compared with when the listing names it.</summary>
    public sealed record Guard(int Compare, int Fallback, string? GuessedClass);

    /// <summary>The guards in a .NET method's <paramref name="instructions"/>, whose calls are <paramref name="calls"/>.</summary>
    public static IReadOnlyList<Guard> Of(IReadOnlyList<CodeInstruction> instructions, IReadOnlyList<ListingFacts.DotnetCall> calls)
    {
        var guards = new List<Guard>();
        for (var i = 0; i + 1 < instructions.Count; i++)
        {
            if (MethodTableCompare(instructions, i) is not { } right || !IsEqualityBranch(instructions[i + 1])
                || Fallback(calls, i, RemarkLine.Of(instructions[i])) is not { } fallback)
            {
                continue;
            }

            guards.Add(new Guard(i, fallback, DotnetAsm.Comment(instructions[i]) ?? LoadedName(instructions, i, right)));
        }

        return guards;
    }

    /// <summary>For a <c>cmp</c> whose left side is an object's method table: its right side; else null.</summary>
    private static string? MethodTableCompare(IReadOnlyList<CodeInstruction> instructions, int index)
    {
        if (instructions[index].Region != CodeRegion.Body || ComparePattern().Match(Operands(instructions[index])) is not { Success: true } match)
        {
            return null;
        }

        var left = match.Groups["left"].Value;
        var right = match.Groups["right"].Value;
        if (MethodTableSlot().IsMatch(left))
        {
            return right;
        }

        return RegisterName().IsMatch(left) && LoadOf(instructions, index, left) is { } load && MethodTableSlot().IsMatch(load.From) ? right : null;
    }

    private static bool IsEqualityBranch(CodeInstruction instruction) =>
        instruction.Flow == ControlFlowKind.ConditionalBranch && DotnetAsm.Mnemonic(instruction) is "je" or "jne";

    /// <summary>
    /// The index of a virtual call on <paramref name="line"/> (the guarded call's fallback): the first after the compare,
    /// else the first before it (the JIT may move the cold fallback anywhere); null when the line has none.
    /// </summary>
    private static int? Fallback(IReadOnlyList<ListingFacts.DotnetCall> calls, int compare, int? line)
    {
        if (line is null)
        {
            return null;
        }

        var virtualCalls = calls.Where(c => c.Instruction.Region != CodeRegion.ThrowPath && c.Line == line && VirtualCallRemark.Describe(c.Operand, null) is not null)
            .Select(c => c.Index).ToList();
        return virtualCalls.Count == 0 ? null : virtualCalls.FirstOrDefault(i => i > compare, virtualCalls[0]);
    }

    /// <summary>
    /// The <c>; Type</c> comment on the last write of the compared register before the compare: the JIT hoists the class
    /// handle's load out of a loop, so this looks back past labels, over a few dozen instructions.
    /// </summary>
    private static string? LoadedName(IReadOnlyList<CodeInstruction> instructions, int compare, string register)
    {
        if (!RegisterName().IsMatch(register))
        {
            return null;
        }

        for (var i = compare - 1; i >= Math.Max(0, compare - 32); i--)
        {
            if (Destination().Match(Operands(instructions[i])) is { Success: true } write && write.Groups["to"].Value == register
                && write.Groups["op"].Value is not ("cmp" or "test" or "push"))
            {
                return write.Groups["op"].Value == "mov" ? DotnetAsm.Comment(instructions[i]) : null;
            }
        }

        return null;
    }

    /// <summary>The nearest <c>mov register, ...</c> before <paramref name="index"/> in straight-line code: its index and source, or null.</summary>
    private static (int Index, string From)? LoadOf(IReadOnlyList<CodeInstruction> instructions, int index, string register)
    {
        for (var i = index - 1; i >= Math.Max(0, index - 6); i--)
        {
            // A label after the load is a join: another path may reach the compare with another value.
            if (instructions[i].Flow != ControlFlowKind.Next || instructions[i + 1].Label is not null)
            {
                return null;
            }

            var move = MovePattern().Match(Operands(instructions[i]));
            if (move.Success && move.Groups["to"].Value == register)
            {
                return (i, move.Groups["from"].Value);
            }
        }

        return null;
    }

    private static string Operands(CodeInstruction instruction) => DotnetAsm.WithoutComment(ListingLoops.Body(instruction)).Trim();

    [GeneratedRegex(@"^cmp\s+(?<left>[^,]+?),\s*(?<right>.+?)$")]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"^(qword ptr )?\[r\w+\]$")]
    private static partial Regex MethodTableSlot();

    [GeneratedRegex(@"^mov\s+(?<to>\w+),\s*(?<from>.+?)$")]
    private static partial Regex MovePattern();

    [GeneratedRegex(@"^r\w+$")]
    private static partial Regex RegisterName();

    [GeneratedRegex(@"^(?<op>\w+)\s+(?<to>\w+)\s*(,|$)")]
    private static partial Regex Destination();
}
