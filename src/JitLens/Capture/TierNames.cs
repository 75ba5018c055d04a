using System.Reflection;

namespace JitLens.Capture;

/// <summary>The runtime's names for optimization tiers (as its JIT events spell them) → the names JitLens shows, with why a body stopped short of Tier1.</summary>
internal static class TierNames
{
    public const string Tier1Pgo = "Tier1-PGO";

    public static string Display(string runtimeTier) => runtimeTier switch
    {
        // After instrumented Tier0 has collected a profile: what steady state runs, with dynamic PGO.
        "OptimizedTier1" => Tier1Pgo,
        "QuickJitted" => "Tier0",
        "QuickJittedInstrumented" => "Tier0-instrumented",
        "OptimizedTier1OSR" => "Tier1-OSR",
        "OptimizedTier1Instrumented" => "Tier1-instrumented",
        "Optimized" => "FullOpts",
        "MinOptJitted" => "MinOpts",
        _ => "unknown",
    };

    /// <summary>
    /// The tier the runtime compiles a method at whatever the mode: [MethodImpl(AggressiveOptimization)] fully optimized
    /// at once (never Tier0), [MethodImpl(NoOptimization)] never optimized; null for every other method.
    /// </summary>
    public static string? Untiered(MethodImplAttributes flags) =>
        (flags & MethodImplAttributes.NoOptimization) != 0 ? Display("MinOptJitted")
        : (flags & MethodImplAttributes.AggressiveOptimization) != 0 ? Display("Optimized")
        : null;

    /// <summary>A note for a body that is not Tier1 after the warm-up, saying why; null for Tier1.</summary>
    public static string? Explain(HostCodeBody body)
    {
        var history = string.Join(" → ", body.History.Select(Display));
        return body.Tier switch
        {
            "OptimizedTier1" => null,
            "Optimized" or "MinOptJitted" =>
                $"The runtime does not tier this method (e.g. [MethodImpl(AggressiveOptimization)], or too large), so its only code is shown: {Display(body.Tier)}.",
            _ => $"Shown: {Display(body.Tier)} code. The warm-up did not call this method often enough (or at all) for the runtime to re-JIT it at Tier1 (tiers it went through: {history}).",
        };
    }
}
