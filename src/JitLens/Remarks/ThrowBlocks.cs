using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>The labelled blocks of a listing that end in a given throwing call, so that branches to them can be found.</summary>
internal static class ThrowBlocks
{
    /// <summary>Label → index of the throwing call, for every block whose straight run from its label reaches one of <paramref name="throwingCalls"/>.</summary>
    public static Dictionary<string, int> Labels(IReadOnlyList<CodeInstruction> instructions, IEnumerable<int> throwingCalls)
    {
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in throwingCalls)
        {
            // Walk back to the block's label; a branch or an exit before it means the call's block starts elsewhere.
            for (var j = i; j >= 0; j--)
            {
                if (instructions[j].Label is { } label)
                {
                    labels.TryAdd(label, i);
                    break;
                }

                if (j < i && instructions[j].Flow != ControlFlowKind.Next)
                {
                    break;
                }
            }
        }

        return labels;
    }
}
