using JitLens.Model;

namespace JitLens.Cfg;

/// <summary>The first line of a block as drawn: its id and the source lines it came from.</summary>
internal static class BlockCaption
{
    public static string Of(BasicBlock block) =>
        block.Lines.Count == 0 ? block.Id : $"{block.Id}  line{(block.Lines.Count == 1 ? "" : "s")} {string.Join(", ", block.Lines)}";
}
