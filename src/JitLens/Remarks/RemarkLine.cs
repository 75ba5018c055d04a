using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>The source line a remark about one instruction belongs to.</summary>
internal static class RemarkLine
{
    /// <summary>
    /// The instruction's own line; for an exit, the line it follows; for a throw path or a dispatch, the first line it is
    /// shown under; null for code no line owns.
    /// </summary>
    public static int? Of(CodeInstruction instruction) =>
        instruction.Region == CodeRegion.Body ? instruction.Line : instruction.FollowsLine ?? (instruction.PlacedUnder.Count > 0 ? instruction.PlacedUnder[0] : null);
}
