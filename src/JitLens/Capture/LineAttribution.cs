using JitLens.Capture.Asm;
using JitLens.Capture.Il;
using JitLens.Capture.Pdb;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Capture;

/// <summary>
/// Joins decoded instructions to source lines: IL through the PDB's sequence points, native code through the JIT's
/// IL→native map and then the sequence points. Prolog, epilog and unmapped code keep their region.
/// </summary>
internal static class LineAttribution
{
    public static CodeListing Il(IReadOnlyList<IlInstruction> instructions, SequencePointMap points)
    {
        var targets = instructions.SelectMany(i => i.Targets).ToHashSet();
        var listing = instructions.Select(i =>
        {
            var line = points.LineOf(i.Offset);
            var dispatch = line is null ? points.DispatchLineOf(i.Offset) : null;
            return new CodeInstruction(i.Text, line, line is not null ? CodeRegion.Body : dispatch is not null ? CodeRegion.Dispatch : CodeRegion.Unmapped, i.Offset)
            {
                PlacedUnder = dispatch is { } d ? [d] : [],
                Label = targets.Contains(i.Offset) ? $"IL_{i.Offset:x4}" : null,
                Flow = i.Flow,
                TargetLabel = i.Targets.Count > 0 ? $"IL_{i.Targets[0]:x4}" : null,
            };
        });
        return new CodeListing(IlView.Id, listing.ToList());
    }

    public static CodeListing Asm(IReadOnlyList<AsmInstruction> instructions, NativeMethodCode code, SequencePointMap points)
    {
        var map = code.Map;
        var prologEnd = code.PrologSize is { } size ? code.HotStart + (ulong)size : (ulong?)null;
        var listing = instructions.Select(i =>
        {
            var (region, line, rangeStart) = Locate(i.Address, map, points);

            // The map has no entry for IL offset 0 when the method's first statement starts with no code of its own: its
            // prolog range then runs on into that statement's code. Only what the unwind info calls prolog is prolog.
            // A prolog range further on is a funclet's (a catch, filter or finally block the runtime calls): all prolog.
            if (region == CodeRegion.Prolog && rangeStart == code.HotStart && i.Address >= prologEnd && points.EntryLine is { } entry)
            {
                (region, line) = (CodeRegion.Body, entry);
            }

            return new CodeInstruction(i.Text, region == CodeRegion.Dispatch ? null : line, region, i.Offset)
            {
                PlacedUnder = region == CodeRegion.Dispatch && line is { } d ? [d] : [],
                Label = i.Label,
                Flow = i.Flow,
                TargetLabel = i.TargetLabel,
                SwitchTargetLabels = i.SwitchTargetLabels,
                Bytes = i.Bytes,
            };
        });
        return new CodeListing(AsmView.Id, ThrowPaths.Place(PlaceExits(listing)));
    }

    /// <summary>
    /// Ties each epilog to the line whose code the JIT emitted before it: a method with several exits has an epilog after
    /// each, and a view that listed them all after the last line would make the code before an early exit seem to fall
    /// through into whatever follows it.
    /// </summary>
    private static List<CodeInstruction> PlaceExits(IEnumerable<CodeInstruction> listing)
    {
        var placed = new List<CodeInstruction>();
        int? lastLine = null;
        foreach (var instruction in listing)
        {
            if (instruction.Region == CodeRegion.Body)
            {
                lastLine = instruction.Line;
            }

            placed.Add(instruction.Region == CodeRegion.Epilog ? instruction with { FollowsLine = lastLine } : instruction);
        }

        return placed;
    }

    private static (CodeRegion Region, int? Line, ulong? RangeStart) Locate(ulong address, IReadOnlyList<NativeMapEntry> map, SequencePointMap points)
    {
        NativeMapEntry? found = null;
        foreach (var entry in map)
        {
            if (entry.Start <= address && address < entry.End && (found is null || entry.Start >= found.Start))
            {
                found = entry;
            }
        }

        var (region, line) = found?.IlOffset switch
        {
            null or NativeMapEntry.NoMapping => (CodeRegion.Unmapped, null),
            NativeMapEntry.Prolog => (CodeRegion.Prolog, null),
            NativeMapEntry.Epilog => (CodeRegion.Epilog, null),
            { } il when points.LineOf(il) is { } at => (CodeRegion.Body, at),
            { } il when points.DispatchLineOf(il) is { } at => (CodeRegion.Dispatch, at),
            _ => (CodeRegion.Unmapped, (int?)null),
        };
        return (region, line, found?.Start);
    }
}
