using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Capture;

/// <summary>
/// The JIT moves the failure of a kept check (bounds, overflow, null argument) into a cold block that only calls a throw
/// helper; its IL→native map gives that block no line. It belongs to the checks that branch to it: it is shown under
/// their lines as the cold throw path. A block that nothing with a line branches to stays unmapped.
/// </summary>
internal static partial class ThrowPaths
{
    public static List<CodeInstruction> Place(List<CodeInstruction> listing)
    {
        var placed = listing.ToList();
        for (var start = 0; start < placed.Count; start++)
        {
            if (placed[start] is not { Region: CodeRegion.Unmapped, Label: { } label })
            {
                continue;
            }

            // The block: from its label up to the instruction that leaves it, all of it without a line.
            var end = start;
            while (end < placed.Count && placed[end].Region == CodeRegion.Unmapped && placed[end].Flow == ControlFlowKind.Next && (end == start || placed[end].Label is null))
            {
                end++;
            }

            if (end >= placed.Count || placed[end].Region != CodeRegion.Unmapped || (end > start && placed[end].Label is not null))
            {
                continue;
            }

            if (!placed.Skip(start).Take(end - start + 1).Any(i => ThrowCall().IsMatch(i.Text)))
            {
                continue;
            }

            var lines = placed.Where(i => i.TargetLabel == label && i.Flow is ControlFlowKind.ConditionalBranch or ControlFlowKind.Branch)
                .Select(i => i.Region == CodeRegion.Body ? i.Line : i.PlacedUnder.Count > 0 ? i.PlacedUnder[0] : i.FollowsLine)
                .OfType<int>()
                .Distinct()
                .Order()
                .ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            for (var i = start; i <= end; i++)
            {
                placed[i] = placed[i] with { Region = CodeRegion.ThrowPath, PlacedUnder = lines };
            }

            start = end;
        }

        return placed;
    }

    [GeneratedRegex(@"^call\b.*(throw|RNGCHKFAIL|OVERFLOW|FAIL_FAST)", RegexOptions.IgnoreCase)]
    private static partial Regex ThrowCall();
}
