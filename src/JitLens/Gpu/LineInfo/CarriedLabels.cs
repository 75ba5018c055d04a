using JitLens.Model;

namespace JitLens.Gpu.LineInfo;

/// <summary>
/// A GPU listing whose labels are carried by the instructions they name, as x64 listings carry theirs: PTX and SASS
/// write each label on a line of its own, which would leave it among the declarations, away from its code, and split a
/// line's code into runs at every label.
/// </summary>
public static class CarriedLabels
{
    /// <summary>
    /// Labels directly before an instruction are carried by it (one that a branch names, when several share a place);
    /// the others keep a line of their own where a branch names them. Declarations are dropped unless
    /// <paramref name="keepDeclarations"/>, which also keeps every label no instruction carries.
    /// </summary>
    public static CodeListing Of(CodeListing listing, bool keepDeclarations)
    {
        var targeted = listing.Instructions.Select(i => i.TargetLabel).OfType<string>()
            .Concat(listing.Instructions.SelectMany(i => i.SwitchTargetLabels))
            .ToHashSet(StringComparer.Ordinal);
        var instructions = new List<CodeInstruction>();
        var pending = new List<CodeInstruction>();

        void Flush(CodeInstruction? carried)
        {
            instructions.AddRange(pending.Where(l => l != carried && (keepDeclarations || targeted.Contains(l.Label!))));
            pending.Clear();
        }

        foreach (var instruction in listing.Instructions)
        {
            if (instruction.Region == CodeRegion.Header)
            {
                if (instruction.Label is not null)
                {
                    pending.Add(instruction);
                }
                else if (keepDeclarations)
                {
                    Flush(null);
                    instructions.Add(instruction);
                }

                continue;
            }

            var carried = instruction.Label is not null ? null : pending.FirstOrDefault(l => targeted.Contains(l.Label!)) ?? pending.LastOrDefault();
            Flush(carried);
            instructions.Add(carried is null ? instruction : instruction with { Label = carried.Label });
        }

        Flush(null);
        return new CodeListing(listing.View, instructions);
    }
}
