using System.Text.RegularExpressions;
using JitLens.Capture.Il;

namespace JitLens.Capture.Asm;

/// <summary>
/// Names the callee of calls that go through memory and so name nothing by themselves: interface calls
/// through a dispatch cell (<c>call qword ptr [r11]</c>), virtual calls through a vtable slot (<c>[rax+0x28]</c>) and
/// delegate calls (<c>[rax+0x18]</c>, the delegate's code pointer). The JIT made each of them from a <c>callvirt</c> of the
/// IL its IL→native map points to, or of a method of the same assembly inlined there: those that the native code calls
/// directly are accounted for by name, and what is left pairs with the indirect calls in order. Where that does not come
/// out even, the call stays unnamed rather than named wrongly.
/// </summary>
internal static partial class IndirectCallNames
{
    public static IReadOnlyList<AsmInstruction> Name(
        IReadOnlyList<AsmInstruction> instructions,
        IReadOnlyList<NativeMapEntry> map,
        IReadOnlyList<IlInstruction> il,
        Func<int, IReadOnlyList<IlInstruction>> inlineeIl)
    {
        var ilOffsets = map.Where(e => e.IlOffset >= 0).Select(e => e.IlOffset).Distinct().Order().ToList();
        var named = instructions.ToList();
        foreach (var group in instructions.Select((instruction, index) => (instruction, index))
                     .Where(x => IsCall(x.instruction.Text))
                     .GroupBy(x => IlOffsetOf(x.instruction.Address, map))
                     .Where(g => g.Key >= 0))
        {
            var next = ilOffsets.FirstOrDefault(o => o > group.Key, int.MaxValue);
            var calls = il.Where(i => i.Offset >= group.Key && i.Offset < next && i.Call is not null).Select(i => i.Call!).ToList();
            var direct = group.Where(x => !IsUnnamed(x.instruction.Text)).Select(x => SimpleName(x.instruction.Text)).ToList();
            var candidates = Candidates(calls, direct, inlineeIl, depth: 2);
            foreach (var name in direct)
            {
                var match = candidates.FindIndex(c => SimpleName(c.Name) == name);
                if (match >= 0)
                {
                    candidates.RemoveAt(match);
                }
            }

            var unnamed = group.Where(x => IsUnnamed(x.instruction.Text)).ToList();
            if (unnamed.Count == 0 || candidates.Count == 0)
            {
                continue;
            }

            // As many callees as calls: in order. Otherwise only one callee left (a finally the JIT cloned calls it twice).
            var single = candidates.Select(c => c.Name).Distinct().Count() == 1;
            if (unnamed.Count != candidates.Count && !single)
            {
                continue;
            }

            for (var i = 0; i < unnamed.Count; i++)
            {
                var (instruction, index) = unnamed[i];
                named[index] = instruction with { Text = $"{instruction.Text}  ; {candidates[single ? 0 : i].Name}" };
            }
        }

        return named;
    }

    /// <summary>The virtual calls the IL makes, with those of same-assembly methods it calls that the native code does not call (inlined).</summary>
    private static List<IlCall> Candidates(List<IlCall> calls, List<string> direct, Func<int, IReadOnlyList<IlInstruction>> inlineeIl, int depth)
    {
        var candidates = new List<IlCall>();
        foreach (var call in calls)
        {
            if (call.Definition != 0 && depth > 0 && !direct.Contains(SimpleName(call.Name)))
            {
                var inlined = inlineeIl(call.Definition).Where(i => i.Call is not null).Select(i => i.Call!).ToList();
                if (inlined.Count > 0 || !call.Virtual)
                {
                    candidates.AddRange(Candidates(inlined, direct, inlineeIl, depth - 1));
                    continue;
                }
            }

            if (call.Virtual)
            {
                candidates.Add(call);
            }
        }

        return candidates;
    }

    private static int IlOffsetOf(ulong address, IReadOnlyList<NativeMapEntry> map)
    {
        NativeMapEntry? found = null;
        foreach (var entry in map)
        {
            if (entry.Start <= address && address < entry.End && (found is null || entry.Start >= found.Start))
            {
                found = entry;
            }
        }

        if (found is null || found.IlOffset >= 0)
        {
            return found?.IlOffset ?? NativeMapEntry.NoMapping;
        }

        // A tail call sits after the epilog, code without a mapping between statements: both belong to the statement the
        // JIT emitted before them; code before the first statement (the prolog) to the method's start.
        return map.Where(e => e.IlOffset >= 0 && e.Start < found.Start).OrderBy(e => e.Start).LastOrDefault()?.IlOffset ?? 0;
    }

    private static bool IsCall(string text) => text.StartsWith("call ", StringComparison.Ordinal) || text.StartsWith("jmp ", StringComparison.Ordinal) && !LabelJump().IsMatch(text);

    private static bool IsUnnamed(string text) => UnnamedCall().IsMatch(text);

    /// <summary>
    /// The bare method name a call or an IL callee names, generic arguments and compiler-generated prefixes dropped:
    /// <c>call qword ptr [System.Linq.Enumerable.Where[[System.Int32, ...]](...)]</c> and <c>System.Linq.Enumerable.Where&lt;int&gt;(...)</c> → Where.
    /// </summary>
    private static string SimpleName(string text)
    {
        var head = text.Split('(')[0];
        string previous;
        do
        {
            previous = head;
            head = Brackets().Replace(head, string.Empty);
        }
        while (head != previous);

        var last = head.LastIndexOfAny(['.', ' ', '[', ':']);
        return head[(last + 1)..];
    }

    [GeneratedRegex(@"^(call|jmp) qword ptr \[[a-z0-9]+([+-]0x[0-9a-f]+|[+-]\d+)?\]$")]
    private static partial Regex UnnamedCall();

    [GeneratedRegex(@"^jmp L[0-9a-f]{4}\b")]
    private static partial Regex LabelJump();

    [GeneratedRegex(@"\[[^\[\]]*\]|<[^<>]*>")]
    private static partial Regex Brackets();
}
