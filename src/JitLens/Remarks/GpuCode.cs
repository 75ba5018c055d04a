using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>A kernel's lowest-level listing — SASS when the toolkit made it, else PTX — and how to read its instructions.</summary>
internal static class GpuCode
{
    public static CodeListing? Listing(InspectedUnit unit) =>
        unit.Kind != UnitKind.GpuKernel ? null : unit.Views.GetValueOrDefault(Views.SassView.Id) ?? unit.Views.GetValueOrDefault(Views.PtxView.Id);

    public static bool IsSass(CodeListing listing) => listing.View == Views.SassView.Id;

    /// <summary>The instruction without its label, its guard predicate (<c>@%p1</c>, <c>@!P0</c>) and the trailing <c>;</c>.</summary>
    public static (string? Guard, string Operation) Split(CodeInstruction instruction)
    {
        var body = ListingLoops.Body(instruction).Trim().TrimEnd(';').TrimEnd();
        if (!body.StartsWith('@'))
        {
            return (null, body);
        }

        var space = body.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (body, string.Empty) : (body[1..space], body[(space + 1)..].TrimStart());
    }

    /// <summary>The opcode with its modifiers (<c>ld.local.u32</c>, <c>BAR.SYNC.DEFER_BLOCKING</c>).</summary>
    public static string Opcode(string operation)
    {
        var space = operation.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? operation : operation[..space];
    }
}
