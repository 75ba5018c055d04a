namespace JitLens.Capture;

/// <summary>
/// The native code a unit shows, the tier it really is, and a note when that is not what was asked for. After a Tier1-PGO
/// warm-up it is the body the method's calls ran last (from the host's JIT events), with that body's own IL→native map;
/// otherwise the method's default code version as ClrMD reports it.
/// </summary>
internal sealed record ShownCode(NativeMethodCode? Code, string Tier, string? Note)
{
    public static ShownCode Read(HostMethod method, ClrMdTarget target, string requestedTier, bool warmedUp)
    {
        if (!warmedUp)
        {
            // Tier0 and optimized runs JIT each method once: its default code version is the only one. Its tier is the
            // one the JIT's event reported (Tier0 runs watch them), else what the method's flags and the mode imply.
            var tier = method.Body is { } compiled && TierNames.Display(compiled.Tier) is not "unknown" and var shown ? shown : TierNames.Untiered(method.ImplFlags) ?? requestedTier;
            return new(target.Read(method), tier, null);
        }

        if (method.Body is { } body && target.ReadBody(body) is { } code)
        {
            return new(code, TierNames.Display(body.Tier), TierNames.Explain(body));
        }

        var what = method.Body is { } missed ? $"The {TierNames.Display(missed.Tier)} code the warm-up left came without its IL→native map" : "The host reported no code body for this method";
        var fallback = target.Read(method);
        if (fallback is not null && !fallback.Map.All(fallback.Contains))
        {
            // ClrMD pairs the method's current code with its first version's map: never attribute lines with that.
            return new(
                fallback with { Map = [] },
                "unknown",
                $"{what}; shown instead: the method's current code as ClrMD reports it, without line attribution (ClrMD's map belongs to another code version).");
        }

        return new(fallback, "unknown", $"{what}; shown instead: the method's default code version as ClrMD reports it, which can be older (Tier0) code.");
    }
}
