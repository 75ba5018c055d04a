using System.Reflection;

namespace JitLens.Host;

/// <summary>
/// The extra fields of a "method" message after a warm-up: the body a call runs now (address, size, tier) and the tiers
/// the method went through, from <see cref="JitCodeEvents"/>. Nothing when no events were watched or the method has no body.
/// </summary>
internal static class CodeReport
{
    public static (string Key, object? Value)[] Fields(MethodBase method, JitCodeEvents? events, IReadOnlyList<ulong> userHandles)
    {
        if (events is null)
        {
            return [];
        }

        var bodies = events.BodiesOf((ulong)method.MethodHandle.Value, method.MetadataToken, userHandles);
        if (JitCodeBody.Current(bodies) is not { } current)
        {
            return [];
        }

        return
        [
            ("code", (long)current.Start),
            ("codeSize", current.Size),
            ("codeTier", current.Tier.ToString()),
            ("tierHistory", string.Join(",", bodies.Select(b => b.Tier.ToString()))),

            // "il:native" pairs; absent when the map's event never came, and the parent then shows the default code version.
            ("codeMap", current.Map is { } map ? string.Join(",", map.Select(e => FormattableString.Invariant($"{e.IlOffset}:{e.NativeOffset}"))) : null),
        ];
    }
}
