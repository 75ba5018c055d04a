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
        var code = listing.Instructions.Where(IsCode).ToList();
        if (code.Count == 0)
        {
            return null;
        }

        var starts = BlockStarts(code);
        var blocks = new List<BlockSpan>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : code.Count;
            blocks.Add(new BlockSpan($"B{i}", code.GetRange(starts[i], end - starts[i])));
        }

        var edges = Edges(blocks);
        var model = blocks
            .Select(b => new BasicBlock(b.Id, LinesOf(b.Instructions), b.Instructions.Select(x => x.Text).ToList()))
            .ToList();
        return new ControlFlowGraph(listing.View, model, edges);
    }

    // Declarations (PTX .reg, SASS section headers) are not code; a header that carries a label still marks a target.
    private static bool IsCode(CodeInstruction instruction) =>
        instruction.Region != CodeRegion.Header || instruction.Label is not null;

    private static List<int> BlockStarts(List<CodeInstruction> code)
    {
        // Only labels that some branch targets start a block: compilers emit many labels nobody jumps to.
        var targeted = code.Where(i => i.TargetLabel is not null).Select(i => i.TargetLabel!).ToHashSet(StringComparer.Ordinal);
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

        return starts.ToList();
    }

    private static List<int> LinesOf(IReadOnlyList<CodeInstruction> instructions) =>
        instructions.Where(i => i.Region == CodeRegion.Body && i.Line is not null)
            .Select(i => i.Line!.Value)
            .Distinct()
            .Order()
            .ToList();

    private sealed record BlockSpan(string Id, List<CodeInstruction> Instructions);
}
