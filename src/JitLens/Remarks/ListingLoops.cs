using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// The natural loops of one listing, read from its branches: a branch to an instruction that every path from the entry
/// to the branch passes through closes a loop, whose body is what reaches the branch from there — wherever the compiler
/// laid the blocks out (LLVM often puts a loop's header after its latch). Cold blocks that jump back into the middle of
/// the code (a class-init call, say) are not loops. Code no path from the entry reaches — the funclets of a .NET
/// method's catch, filter and finally blocks, entered by the runtime — is entered at its own first instruction.
/// </summary>
public sealed partial class ListingLoops
{
    private readonly bool[] _inLoop;

    private ListingLoops(IReadOnlyList<IReadOnlySet<int>> loops, int count)
    {
        Loops = loops;
        _inLoop = new bool[count];
        foreach (var index in loops.SelectMany(l => l))
        {
            _inLoop[index] = true;
        }
    }

    /// <summary>Each loop as the indexes of the instructions in its body, in the order their closing branches appear.</summary>
    public IReadOnlyList<IReadOnlySet<int>> Loops { get; }

    public bool InLoop(int index) => _inLoop[index];

    public static ListingLoops Of(CodeListing listing)
    {
        var instructions = listing.Instructions;
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Label is { } label)
            {
                labels.TryAdd(label, i);
            }
        }

        var successors = instructions.Select((_, i) => Successors(instructions, i, labels)).ToList();
        var predecessors = instructions.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < successors.Count; i++)
        {
            foreach (var next in successors[i])
            {
                predecessors[next].Add(i);
            }
        }

        var (entries, reached) = Entries(instructions, successors);
        var loops = new List<IReadOnlySet<int>>();
        for (var i = 0; i < instructions.Count; i++)
        {
            // A fall-through closes a loop only into code that is also entered some other way: a loop whose body runs on
            // into its test, where the code first jumps (`jmp L0034` ... `L0034: cmp; jb L0020`). Other fall-throughs are
            // not tried, which keeps this cheap.
            foreach (var head in successors[i].Where(s => s != i + 1 || predecessors[s].Count > 1).Where(s => Dominates(successors, entries, s, i)))
            {
                loops.Add(Body(predecessors, reached, head, i));
            }
        }

        return new ListingLoops(loops, instructions.Count);
    }

    /// <summary>The instruction without the label the listing prints in front of it.</summary>
    public static string Body(CodeInstruction instruction) =>
        instruction.Label is { } label && instruction.Text.StartsWith(label + ":", StringComparison.Ordinal)
            ? instruction.Text[(label.Length + 1)..].TrimStart()
            : instruction.Text;

    private static List<int> Successors(IReadOnlyList<CodeInstruction> instructions, int index, Dictionary<string, int> labels)
    {
        var instruction = instructions[index];
        var next = new List<int>();
        var text = Body(instruction);
        if (instruction.TargetLabel is null && (text.StartsWith("br ", StringComparison.Ordinal) || text.StartsWith("switch ", StringComparison.Ordinal)))
        {
            // LLVM IR: its parser records no targets; a terminator goes only where its label operands say.
            next.AddRange(LlvmLabel().Matches(text).Select(m => labels.GetValueOrDefault(m.Groups["name"].Value.Trim('"'), -1)));
            return next.Where(n => n >= 0).ToList();
        }

        if (instruction.Flow is ControlFlowKind.Next or ControlFlowKind.ConditionalBranch && index + 1 < instructions.Count)
        {
            next.Add(index + 1);
        }

        foreach (var target in instruction.SwitchTargetLabels.Prepend(instruction.TargetLabel).OfType<string>())
        {
            if (labels.TryGetValue(target, out var at))
            {
                next.Add(at);
            }
        }

        return next;
    }

    /// <summary>
    /// The first instruction, then, in listing order, each instruction no entry found so far reaches: the start of a
    /// funclet the runtime calls, or code left unreachable. Without them every branch in a funclet would look like a
    /// loop's, as nothing from the first instruction reaches it. Alignment padding (the `nop`s after a jump, before a
    /// loop's head) is no entry: it is never run, and would seem to enter the loop past its head. Also what the entries
    /// reach.
    /// </summary>
    private static (List<int> Entries, bool[] Reached) Entries(IReadOnlyList<CodeInstruction> instructions, List<List<int>> successors)
    {
        var entries = new List<int>();
        var reached = new bool[successors.Count];
        for (var i = 0; i < successors.Count; i++)
        {
            if (reached[i] || (i > 0 && Body(instructions[i]).StartsWith("nop", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            entries.Add(i);
            reached[i] = true;
            var work = new Stack<int>([i]);
            while (work.TryPop(out var at))
            {
                foreach (var next in successors[at].Where(n => !reached[n]))
                {
                    reached[next] = true;
                    work.Push(next);
                }
            }
        }

        return (entries, reached);
    }

    /// <summary>Whether every path from an entry to <paramref name="to"/> passes through <paramref name="head"/>.</summary>
    private static bool Dominates(List<List<int>> successors, List<int> entries, int head, int to)
    {
        var seen = new bool[successors.Count];
        var work = new Stack<int>(entries.Where(e => e != head));
        foreach (var entry in work)
        {
            seen[entry] = true;
        }

        seen[head] = true;
        while (work.TryPop(out var at))
        {
            if (at == to)
            {
                return false;
            }

            foreach (var next in successors[at].Where(n => !seen[n]))
            {
                seen[next] = true;
                work.Push(next);
            }
        }

        return true;
    }

    /// <summary>The head and every instruction run that reaches <paramref name="tail"/> without passing through the head.</summary>
    private static HashSet<int> Body(List<List<int>> predecessors, bool[] reached, int head, int tail)
    {
        var body = new HashSet<int> { head, tail };
        var work = new Stack<int>([tail]);
        while (work.TryPop(out var at))
        {
            foreach (var previous in predecessors[at].Where(p => p != head && reached[p] && body.Add(p)))
            {
                work.Push(previous);
            }
        }

        return body;
    }

    [GeneratedRegex(@"label %(?<name>""[^""]+""|[\w.$-]+)")]
    private static partial Regex LlvmLabel();
}
