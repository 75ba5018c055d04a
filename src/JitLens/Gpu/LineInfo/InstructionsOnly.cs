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
        var targeted = listing.Instructions.Select(i => i.TargetLabel).OfType<string>()
            .Concat(listing.Instructions.SelectMany(i => i.SwitchTargetLabels))
            .ToHashSet(StringComparer.Ordinal);
        var instructions = new List<CodeInstruction>();
        var pending = new List<CodeInstruction>();
        foreach (var instruction in listing.Instructions)
        {
            if (instruction.Region == CodeRegion.Header)
            {
                if (instruction.Label is not null)
                {
                    pending.Add(instruction);
                }

                continue;
            }

            // One place with several labels: the instruction carries one that a branch names; the other named ones
            // keep a line of their own, so that every branch still finds its target.
            var carried = pending.FirstOrDefault(l => targeted.Contains(l.Label!)) ?? pending.LastOrDefault();
            instructions.AddRange(pending.Where(l => l != carried && targeted.Contains(l.Label!)));
            instructions.Add(carried is null ? instruction : instruction with { Label = carried.Label });
            pending.Clear();
        }

        instructions.AddRange(pending.Where(l => targeted.Contains(l.Label!)));
        return new CodeListing(listing.View, instructions);
    }
}
