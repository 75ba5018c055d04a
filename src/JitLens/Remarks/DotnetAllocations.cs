using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// The GC-heap allocations in a .NET method's asm, line by line, with the ones IL <c>box</c> instructions account for
/// told apart, so that <see cref="AllocationRemark"/> and <see cref="BoxingRemark"/> never count one allocation twice.
/// </summary>
internal static class DotnetAllocations
{
    /// <summary>One allocating helper call: the call, the helper, the type the listing names, and whether a box made it.</summary>
    public sealed record Allocation(ListingFacts.DotnetCall Call, string Helper, string? Type, string? BoxedType);

    /// <summary>The allocations among <paramref name="calls"/>, the calls of <paramref name="unit"/>'s asm.</summary>
    public static List<Allocation> In(InspectedUnit unit, IReadOnlyList<ListingFacts.DotnetCall> calls)
    {
        var instructions = unit.Views[Views.AsmView.Id].Instructions;
        var boxes = Boxes(unit);
        var boxesUsed = new Dictionary<int, int>();
        var allocations = new List<Allocation>();
        foreach (var call in calls)
        {
            if (call.Helper is not { } helper || !IsAllocation(helper))
            {
                continue;
            }

            var line = call.Line;
            string? boxed = null;
            if (line is { } l && (helper.StartsWith("CORINFO_HELP_BOX", StringComparison.Ordinal) || helper.StartsWith("CORINFO_HELP_NEWSFAST", StringComparison.Ordinal))
                && boxes.TryGetValue(l, out var boxedTypes) && boxesUsed.GetValueOrDefault(l) < boxedTypes.Count)
            {
                // The line's IL boxes: its first allocations of a single object are those boxes, in order.
                boxed = boxedTypes[boxesUsed.GetValueOrDefault(l)];
                boxesUsed[l] = boxesUsed.GetValueOrDefault(l) + 1;
            }

            allocations.Add(new Allocation(call, helper, DotnetAsm.ArgumentType(instructions, call.Index), boxed));
        }

        return allocations;
    }

    /// <summary>CORINFO_HELP_NEW* (objects, arrays, multi-dimensional arrays) and CORINFO_HELP_BOX*.</summary>
    private static bool IsAllocation(string helper) =>
        helper.StartsWith("CORINFO_HELP_NEW", StringComparison.Ordinal) || helper.StartsWith("CORINFO_HELP_BOX", StringComparison.Ordinal);

    /// <summary>Line → the types its IL boxes, in IL order.</summary>
    private static Dictionary<int, List<string>> Boxes(InspectedUnit unit)
    {
        var boxes = new Dictionary<int, List<string>>();
        if (unit.Views.GetValueOrDefault(Views.IlView.Id) is not { } il)
        {
            return boxes;
        }

        foreach (var instruction in il.Instructions)
        {
            var body = instruction.Text;
            var colon = body.IndexOf(": ", StringComparison.Ordinal);
            var op = colon >= 0 ? body[(colon + 2)..] : body;
            if (instruction.Line is { } line && op.StartsWith("box ", StringComparison.Ordinal))
            {
                (boxes.TryGetValue(line, out var list) ? list : boxes[line] = []).Add(op[4..].Trim());
            }
        }

        return boxes;
    }
}
