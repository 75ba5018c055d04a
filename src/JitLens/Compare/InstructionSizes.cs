using JitLens.Model;
using JitLens.Views;

namespace JitLens.Compare;

/// <summary>
/// The size of each instruction of a listing: its machine code bytes where the capture kept them, else the distance
/// from its offset to the next one, and for the last native instruction the distance to the end of the unit's code.
/// </summary>
internal static class InstructionSizes
{
    public static Dictionary<CodeInstruction, int> Of(CodeListing listing, InspectedUnit unit)
    {
        var offsets = listing.Instructions.Select(i => i.Offset).OfType<long>().Distinct().Order().ToList();
        // Native addresses end where the unit's code ends, which sizes the last instruction.
        long? end = ViewCatalog.Find(listing.View)?.HasNativeOffsets == true && unit.CodeSize is { } size ? size : null;
        var sizes = new Dictionary<CodeInstruction, int>(ReferenceEqualityComparer.Instance);
        foreach (var instruction in listing.Instructions)
        {
            if (instruction.Bytes.Count > 0)
            {
                sizes[instruction] = instruction.Bytes.Count;
                continue;
            }

            if (instruction.Offset is not { } offset)
            {
                continue;
            }

            var next = offsets.BinarySearch(offset) + 1;
            var until = next < offsets.Count ? offsets[next] : end;
            if (until is { } u && u > offset)
            {
                sizes[instruction] = (int)(u - offset);
            }
        }

        return sizes;
    }

    public static SideCode Side(IEnumerable<CodeInstruction> instructions, Dictionary<CodeInstruction, int> sizes)
    {
        var list = instructions.ToList();
        int? bytes = list.All(sizes.ContainsKey) ? list.Sum(i => sizes[i]) : null;
        return new SideCode(list.Count, bytes, list.Select(i => i.Text).ToList());
    }
}
