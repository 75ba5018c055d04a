using JitLens.Model;

namespace JitLens.Cfg;

public static partial class ControlFlowGraphBuilder
{
    private static List<ControlFlowEdge> Edges(List<BlockSpan> blocks)
    {
        var blockOfLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < blocks.Count; b++)
        {
            foreach (var label in blocks[b].Instructions.Select(i => i.Label).OfType<string>())
            {
                blockOfLabel.TryAdd(label, b);
            }
        }

        var raw = new List<(int From, int To, ControlFlowEdgeKind Kind)>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var last = blocks[b].Instructions[^1];
            var hasNext = b + 1 < blocks.Count && blocks[b].FallsThrough;
            var target = last.TargetLabel is { } t && blockOfLabel.TryGetValue(t, out var tb) ? tb : (int?)null;
            switch (last.Flow)
            {
                case ControlFlowKind.Next when hasNext:
                    raw.Add((b, b + 1, ControlFlowEdgeKind.FallThrough));
                    break;
                case ControlFlowKind.Branch when target is { } jump:
                    raw.Add((b, jump, ControlFlowEdgeKind.Jump));
                    break;
                case ControlFlowKind.Branch:
                    // A jump table: one edge per distinct entry, in table order.
                    foreach (var entry in last.SwitchTargetLabels.Distinct(StringComparer.Ordinal))
                    {
                        if (blockOfLabel.TryGetValue(entry, out var caseBlock))
                        {
                            raw.Add((b, caseBlock, ControlFlowEdgeKind.Switch));
                        }
                    }

                    break;
                case ControlFlowKind.ConditionalBranch:
                    if (target is { } taken)
                    {
                        raw.Add((b, taken, ControlFlowEdgeKind.Conditional));
                    }

                    if (hasNext && target != b + 1)
                    {
                        raw.Add((b, b + 1, ControlFlowEdgeKind.FallThrough));
                    }

                    break;
            }
        }

        var back = BackEdges(blocks.Count, raw.Select(e => (e.From, e.To)).ToList());
        return raw
            .Select(e => new ControlFlowEdge(
                blocks[e.From].Id,
                blocks[e.To].Id,
                back.Contains((e.From, e.To)) ? ControlFlowEdgeKind.Back : e.Kind))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Edges into a block that is still on the depth-first stack: the edges that close loops. Every block is a root in
    /// emission order, so loops in code the entry never reaches (traps after the exit) are found too.
    /// </summary>
    internal static HashSet<(int From, int To)> BackEdges(int nodeCount, IReadOnlyList<(int From, int To)> edges)
    {
        var successors = Enumerable.Range(0, nodeCount).Select(_ => new List<int>()).ToList();
        foreach (var (from, to) in edges)
        {
            successors[from].Add(to);
        }

        var state = new int[nodeCount]; // 0 unseen, 1 on stack, 2 done
        var back = new HashSet<(int, int)>();
        for (var root = 0; root < nodeCount; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            // Iterative DFS: kernels and big methods have thousands of blocks; recursion would risk the stack.
            var stack = new Stack<(int Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < successors[node].Count)
                {
                    stack.Push((node, next + 1));
                    var to = successors[node][next];
                    if (state[to] == 1)
                    {
                        back.Add((node, to));
                    }
                    else if (state[to] == 0)
                    {
                        state[to] = 1;
                        stack.Push((to, 0));
                    }
                }
                else
                {
                    state[node] = 2;
                }
            }
        }

        return back;
    }
}
