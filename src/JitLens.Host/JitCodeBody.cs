namespace JitLens.Host;

/// <summary>One body of native code the JIT produced for a method: where it is, how big, at which tier, when, and its IL→native map.</summary>
internal sealed class JitCodeBody(ulong start, int size, JitCodeTier tier, double time)
{
    public ulong Start { get; } = start;

    public int Size { get; } = size;

    public JitCodeTier Tier { get; } = tier;

    /// <summary>Milliseconds into the session at which the JIT finished it.</summary>
    public double Time { get; } = time;

    /// <summary>IL offset → native offset (from <see cref="Start"/>), in the JIT's order; null until its event arrives.</summary>
    public IReadOnlyList<JitMapEntry>? Map { get; set; }

    /// <summary>Final code: tiering will not replace it (Tier1, or a method that is not tiered at all).</summary>
    public bool IsSettled => Tier is JitCodeTier.OptimizedTier1 or JitCodeTier.Optimized or JitCodeTier.MinOptJitted;

    /// <summary>
    /// The body a call to the method runs now: the newest one, except OSR code, which is only entered from a loop of the
    /// body it was made for; null for none.
    /// </summary>
    public static JitCodeBody? Current(IReadOnlyList<JitCodeBody> bodies) =>
        bodies.LastOrDefault(b => b.Tier != JitCodeTier.OptimizedTier1OSR) ?? (bodies.Count > 0 ? bodies[^1] : null);
}

/// <summary>One entry of an IL→native map: an IL offset (or -1 no mapping, -2 prolog, -3 epilog) and where its code starts.</summary>
internal readonly record struct JitMapEntry(int IlOffset, int NativeOffset);

/// <summary>
/// The optimization tier in the runtime's MethodLoad events (bits 7..9 of MethodFlags; PrepareCodeConfig::JitOptimizationTier
/// in the runtime's sources), named as TraceEvent names them; the parent turns these names into the ones it shows.
/// </summary>
internal enum JitCodeTier
{
    Unknown = 0,
    MinOptJitted = 1,
    Optimized = 2,
    QuickJitted = 3,
    OptimizedTier1 = 4,
    OptimizedTier1OSR = 5,
    QuickJittedInstrumented = 6,
    OptimizedTier1Instrumented = 7,
}
