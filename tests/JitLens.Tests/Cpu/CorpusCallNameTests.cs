using System.Text.RegularExpressions;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>Calls in the corpus (see <see cref="CorpusCrossCheckTests"/>): named as the runtime's own listing names them.</summary>
public sealed partial class CorpusCrossCheckTests
{
    [Fact]
    public void Should_name_the_callee_of_nearly_every_call_that_the_runtime_names()
    {
        // Given the calls of every unit, side by side with the runtime's (the instruction streams are equal)
        var named = 0;
        var total = 0;
        var missed = new List<string>();
        foreach (var (unit, listing) in _fixture.Pairs.Where(p => p.Listing is not null))
        {
            var ours = Calls(unit.Asm());
            var theirs = Calls(listing!.Instructions);
            if (ours.Count != theirs.Count)
            {
                continue;
            }

            for (var i = 0; i < ours.Count; i++)
            {
                // When the runtime names a method or helper there
                if (Callee(theirs[i]) is not { } expected)
                {
                    continue;
                }

                total++;
                var actual = Callee(ours[i]);

                // Then JitLens names the same method (helpers are spelled differently, and one that the runtime names as the
                // managed method implementing it is a helper here: any name will do)
                if (actual is not null && (expected.StartsWith("CORINFO_HELP", StringComparison.Ordinal) || actual.StartsWith("CORINFO_HELP", StringComparison.Ordinal)
                    || SimpleName(actual) == SimpleName(expected)))
                {
                    named++;
                }
                else
                {
                    missed.Add($"{unit.Name}: runtime '{theirs[i]}', jitlens '{ours[i]}'");
                }
            }
        }

        Assert.True(total > 100, $"Only {total} named calls were compared.");
        Assert.True(named >= total * 0.95, $"{named} of {total} calls named as the runtime names them. Missed:\n{string.Join('\n', missed)}");
    }

    /// <summary>Calls and tail calls (<c>tail.jmp</c> there, a jmp to no label of the method here), as <c>call OPERAND</c>.</summary>
    private static List<string> Calls(IEnumerable<string> instructions) =>
        instructions.Select(i => Regex.Replace(i.Trim(), @"\s+", " "))
            .Select(i => i.StartsWith("tail.jmp ", StringComparison.Ordinal) ? "call " + i["tail.jmp ".Length..]
                : i.StartsWith("jmp ", StringComparison.Ordinal) && !Regex.IsMatch(i, @"^jmp (SHORT )?(L[0-9a-f]{4}|G_M\d+_IG\d+)\b") ? "call " + i["jmp ".Length..] : i)
            .Where(i => i.StartsWith("call ", StringComparison.Ordinal))
            .ToList();

    /// <summary>The callee a call names, or null for a bare register, memory operand or address.</summary>
    private static string? Callee(string call)
    {
        // The callee of a call through a register or memory follows as a comment, as the runtime writes it after the operand.
        var parts = call["call ".Length..].Split(';', 2);
        var operand = parts[0].Trim();
        if (parts.Length > 1 && Regex.IsMatch(operand, @"^(qword ptr )?\[?[a-z0-9]+([+-]0x[0-9a-f]+|[+-]\d+)?\]?$"))
        {
            operand = parts[1].Trim();
        }

        operand = Regex.Replace(operand, @"^qword ptr ", string.Empty);
        operand = Regex.Replace(operand, @"^\[(r\w+|e\w+)([+-]0x[0-9a-f]+|[+-]\d+)?\]", string.Empty);
        operand = operand.Trim('[', ']');
        return operand.Length == 0 || Regex.IsMatch(operand, @"^(0x[0-9a-f]+|r\w+)$") ? null : operand;
    }

    /// <summary><c>System.Threading.Monitor:Exit_FastPath(System.Object):int</c> and <c>System.Threading.Monitor.Exit_FastPath(System.Object)</c> → Exit_FastPath.</summary>
    private static string SimpleName(string callee)
    {
        // Generic arguments ([int], [[System.Int32, System.Private.CoreLib]]) go first: they hold dots of their own.
        var head = callee.Split('(')[0];
        while (Regex.IsMatch(head, @"\[[^\[\]]*\]"))
        {
            head = Regex.Replace(head, @"\[[^\[\]]*\]", string.Empty);
        }

        // String's constructors are implemented by methods named Ctor.
        return head[(head.LastIndexOfAny([':', '.']) + 1)..].TrimStart('.').ToLowerInvariant();
    }
}
