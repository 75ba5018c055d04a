using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>The labelled blocks of a listing that end in a given throwing call, so that branches to them can be found.</summary>
internal static class ThrowBlocks
{
    /// <summary>Label → index of the throwing call, for every block whose straight run from its label reaches such a call.</summary>
    public static Dictionary<string, int> Labels(IReadOnlyList<CodeInstruction> instructions, Func<CodeInstruction, bool> throws)
    {
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < instructions.Count; i++)
        {
            if (!throws(instructions[i]))
            {
                continue;
            }

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
