namespace JitLens.Numba;

/// <summary>
/// A Numba CPU function's arch badge: what Numba's codegen compiled for (LLVM's CPU name, its widest vector extension
/// and FMA), read from the capture. Numba's asm is text, so which extensions a function's code uses is not known: the
/// badge names the target LLVM was allowed to use, not the jitlens process's own CPU checks.
/// </summary>
internal static class NumbaCpuArch
{
    /// <summary>LLVM feature names of vector extensions and how people write them, widest first: the first one enabled is named.</summary>
    private static readonly (string Feature, string Name)[] VectorExtensions =
    [
        ("avx512f", "AVX-512"),
        ("avx2", "AVX2"),
        ("avx", "AVX"),
        ("sse4.2", "SSE4.2"),
        ("sve", "SVE"),
        ("neon", "NEON"),
    ];

    public static string? Of(NumbaCpuTarget? target)
    {
        if (target is null)
        {
            return null;
        }

        var machine = target.Triple.Split('-')[0] switch
        {
            "x86_64" => "x64",
            "aarch64" or "arm64" => "arm64",
            var other => other,
        };
        var enabled = target.Features.ToHashSet(StringComparer.Ordinal);
        var parts = new List<string> { target.Cpu };
        parts.AddRange(VectorExtensions.Where(v => enabled.Contains(v.Feature)).Select(v => v.Name).Take(1));
        if (enabled.Contains("fma"))
        {
            parts.Add("FMA");
        }

        return $"{machine} (Numba's target: {string.Join(", ", parts)})";
    }
}
