using JitLens.Model;

namespace JitLens.Cfg;

/// <summary>
/// Builds basic blocks and edges from any listing whose instructions carry <see cref="CodeInstruction.Label"/>,
/// <see cref="CodeInstruction.Flow"/> and <see cref="CodeInstruction.TargetLabel"/>: x64 asm, PTX, SASS and Numba's asm
/// all go through this one builder, so their graphs mean the same thing.
/// </summary>
public static partial class ControlFlowGraphBuilder
{
    /// <summary>The graph of <paramref name="listing"/>, or null when it holds no code (declarations only).</summary>
    public static ControlFlowGraph? Build(CodeListing listing)
    {
        var (code, unitStarts) = CodeOf(listing);
        if (code.Count == 0)
        {
            return null;
        }

        var starts = BlockStarts(code);
        starts.UnionWith(unitStarts);
        var ordered = starts.ToList();
        var blocks = new List<BlockSpan>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1] : code.Count;
            var next = end < code.Count && !unitStarts.Contains(end);
            blocks.Add(new BlockSpan($"B{i}", code.GetRange(ordered[i], end - ordered[i]), next));
        }

        var edges = Edges(blocks);
        var model = blocks
            .Select(b => new BasicBlock(b.Id, LinesOf(b.Instructions), b.Instructions.Select(x => x.Text).ToList()))
            .ToList();
        return new ControlFlowGraph(listing.View, model, edges);
    }

    /// <summary>
    /// The code, without declarations (PTX .reg, SASS section headers), which are not code; a header that carries a
    /// label still marks a target. Declarations after code start another function (the next PTX entry, the next SASS
    /// section): control never falls from one function into the next.
    /// </summary>
    private static (List<CodeInstruction> Code, HashSet<int> UnitStarts) CodeOf(CodeListing listing)
    {
        var code = new List<CodeInstruction>();
        var unitStarts = new HashSet<int>();
        var declarationSinceCode = false;
        foreach (var instruction in listing.Instructions)
        {
            if (instruction.Region == CodeRegion.Header && instruction.Label is null)
            {
                declarationSinceCode = code.Count > 0;
                continue;
            }

            if (declarationSinceCode)
            {
                unitStarts.Add(code.Count);
                declarationSinceCode = false;
            }

            code.Add(instruction);
        }

        return (code, unitStarts);
    }

    private static SortedSet<int> BlockStarts(List<CodeInstruction> code)
    {
        // Only labels that some branch targets start a block: compilers emit many labels nobody jumps to.
        var targeted = code.Where(i => i.TargetLabel is not null).Select(i => i.TargetLabel!)
            .Concat(code.SelectMany(i => i.SwitchTargetLabels))
            .ToHashSet(StringComparer.Ordinal);
        var starts = new SortedSet<int> { 0 };
        for (var i = 0; i < code.Count; i++)
        {
            if (code[i].Label is { } label && targeted.Contains(label))
            {
                starts.Add(i);
            }

            if (code[i].Flow != ControlFlowKind.Next && i + 1 < code.Count)
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static List<int> LinesOf(IReadOnlyList<CodeInstruction> instructions) =>
        instructions.Where(i => i.Region == CodeRegion.Body && i.Line is not null)
            .Select(i => i.Line!.Value)
            .Distinct()
            .Order()
            .ToList();

    /// <param name="FallsThrough">Whether the code after the block belongs to the same function.</param>
    private sealed record BlockSpan(string Id, List<CodeInstruction> Instructions, bool FallsThrough);
}
