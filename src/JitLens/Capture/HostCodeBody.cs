using System.Globalization;
using System.Text.Json;

namespace JitLens.Capture;

/// <summary>
/// The body of native code a method's calls ran after the host's warm-up (Tier1-PGO only), from the runtime's JIT events:
/// its address and size, its tier as the runtime names it, every tier the method went through (oldest first), and the
/// body's own IL→native map (null when its event never came).
/// </summary>
internal sealed record HostCodeBody(ulong Start, int Size, string Tier, IReadOnlyList<string> History, IReadOnlyList<NativeMapEntry>? Map)
{
    /// <summary>The body in a "method" message, or null when the host sent none (other tiers, or no JIT event matched).</summary>
    public static HostCodeBody? From(JsonElement message)
    {
        if (!message.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var start = (ulong)code.GetInt64();
        var size = message.GetProperty("codeSize").GetInt32();
        var history = message.TryGetProperty("tierHistory", out var h) ? h.GetString() ?? string.Empty : string.Empty;
        var map = message.TryGetProperty("codeMap", out var m) && m.GetString() is { } pairs ? ParseMap(pairs, start, size) : null;
        return new HostCodeBody(
            start,
            size,
            message.GetProperty("codeTier").GetString() ?? "Unknown",
            history.Split(',', StringSplitOptions.RemoveEmptyEntries),
            map);
    }

    /// <summary>
    /// "il:native" pairs in the JIT's order → ranges sorted by address, each ending where the next begins (the last at the
    /// body's end), as the runtime's debugger interfaces build them. Stable: entries at one address keep the JIT's order.
    /// </summary>
    private static List<NativeMapEntry> ParseMap(string pairs, ulong start, int size)
    {
        var entries = pairs.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => (Il: int.Parse(p[0], CultureInfo.InvariantCulture), Native: int.Parse(p[1], CultureInfo.InvariantCulture)))
            .Where(e => e.Native >= 0 && e.Native <= size)
            .OrderBy(e => e.Native)
            .ToList();
        return entries
            .Select((e, i) => new NativeMapEntry(e.Il, start + (ulong)e.Native, start + (ulong)(i + 1 < entries.Count ? entries[i + 1].Native : size)))
            .ToList();
    }
}
