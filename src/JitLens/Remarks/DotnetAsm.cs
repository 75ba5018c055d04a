using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// Reading the .NET JIT's x64 listing (Intel syntax, as the capture prints it): calls and their targets, the
/// <c>; name</c> comments the capture adds for constants it resolved (a type's method table, a callee).
/// </summary>
internal static partial class DotnetAsm
{
    /// <summary>The asm listing of a method JIT-compiled from C#, or null for other code (Numba's asm is AT&amp;T syntax).</summary>
    public static CodeListing? Listing(InspectedUnit unit) =>
        unit.Kind == UnitKind.CpuMethod && unit.Source.Language == "csharp" ? unit.Views.GetValueOrDefault(Views.AsmView.Id) : null;

    /// <summary>The instruction's mnemonic (<c>call</c>, <c>jae</c>, <c>vpaddd</c>).</summary>
    public static string Mnemonic(CodeInstruction instruction)
    {
        var body = ListingLoops.Body(instruction);
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? body : body[..space];
    }

    /// <summary>
    /// For a <c>call</c>, or a <c>jmp</c> that leaves the method (a tail call): what it goes to, without the comment —
    /// <c>CORINFO_HELP_NEWSFAST</c>, <c>qword ptr [System.String.Concat(System.String, System.String)]</c>,
    /// <c>qword ptr [rax+0x40]</c>. Null for every other instruction.
    /// </summary>
    public static string? CallOperand(CodeInstruction instruction)
    {
        var body = WithoutComment(ListingLoops.Body(instruction));
        var match = CallPattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        var isTailJump = match.Groups["op"].Value == "jmp";
        return isTailJump && instruction.TargetLabel is not null ? null : match.Groups["target"].Value.Trim();
    }

    /// <summary>What the capture wrote after <c>;</c> (a resolved name), or null.</summary>
    public static string? Comment(CodeInstruction instruction)
    {
        var comment = instruction.Text.IndexOf(';', StringComparison.Ordinal);
        return comment < 0 ? null : instruction.Text[(comment + 1)..].Trim();
    }

    /// <summary>The managed method a direct call names (<c>qword ptr [Name(..)]</c> or <c>Name(..)</c>), or null for helpers and indirect calls.</summary>
    public static string? DirectCallee(string operand)
    {
        var name = operand.StartsWith("qword ptr [", StringComparison.Ordinal) && operand.EndsWith(']') ? operand[11..^1] : operand;
        return name.Contains('(', StringComparison.Ordinal) && !name.StartsWith("CORINFO_HELP_", StringComparison.Ordinal) ? name : null;
    }

    /// <summary>The JIT helper a call names (<c>CORINFO_HELP_NEWSFAST</c>), or null.</summary>
    public static string? Helper(string operand) =>
        HelperPattern().Match(operand) is { Success: true } match ? match.Value : null;

    /// <summary>
    /// The type a helper call works on: the <c>; Type</c> comment of the nearest instruction before it that loads the
    /// first argument register (rdi on Unix, rcx on Windows), following a copy from another register, within a few
    /// instructions.
    /// </summary>
    public static string? ArgumentType(IReadOnlyList<CodeInstruction> instructions, int call)
    {
        string[] registers = ["rdi", "rcx"];
        for (var i = call - 1; i >= Math.Max(0, call - 8); i--)
        {
            var load = RegisterLoad().Match(WithoutComment(ListingLoops.Body(instructions[i])));
            if (load.Success && registers.Contains(load.Groups["to"].Value))
            {
                if (Comment(instructions[i]) is { } comment)
                {
                    return comment;
                }

                if (load.Groups["op"].Value == "mov" && RegisterName().IsMatch(load.Groups["from"].Value))
                {
                    registers = [load.Groups["from"].Value];
                    continue;
                }

                return null;
            }

            if (instructions[i].Flow != ControlFlowKind.Next || Mnemonic(instructions[i]) == "call")
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>An instruction's text without the capture's <c>; name</c> comment.</summary>
    public static string WithoutComment(string text)
    {
        var comment = text.IndexOf(';', StringComparison.Ordinal);
        return comment < 0 ? text : text[..comment];
    }

    [GeneratedRegex(@"^(?<op>call|jmp)\s+(?<target>.+)$")]
    private static partial Regex CallPattern();

    [GeneratedRegex(@"\bCORINFO_HELP_\w+")]
    private static partial Regex HelperPattern();

    [GeneratedRegex(@"^(?<op>mov|lea)\s+(?<to>\w+),\s*(?<from>.+?)\s*$")]
    private static partial Regex RegisterLoad();

    [GeneratedRegex(@"^r\w+$")]
    private static partial Regex RegisterName();
}
