using JitLens.Model;

namespace JitLens.Gpu.LineInfo;

/// <summary>
/// A GPU listing as the Numba views show it: instructions only, without declarations, where each label is carried by
/// the instruction it names.
/// </summary>
public static class InstructionsOnly
{
    public static CodeListing Of(CodeListing listing)
    {
        var instructions = new List<CodeInstruction>();
        CodeInstruction? pendingLabel = null;
        foreach (var instruction in listing.Instructions)
        {
            if (instruction.Region != CodeRegion.Header)
            {
                instructions.Add(pendingLabel is null ? instruction : instruction with { Label = pendingLabel.Label });
                pendingLabel = null;
            }
            else if (instruction.Label is not null)
            {
                // Two labels on one place: the first keeps its own line, so that branches to either still find it.
                if (pendingLabel is not null)
                {
                    instructions.Add(pendingLabel);
                }

                pendingLabel = instruction;
            }
        }

        return new CodeListing(listing.View, instructions);
    }
}
