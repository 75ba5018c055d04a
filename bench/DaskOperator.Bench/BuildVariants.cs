namespace DaskOperator.Bench;

/// <summary>
/// The operator builds the footprint benchmark compares: how each is started (the framework-dependent dll next to
/// the benchmark, or the published executable the image ships) and the environment it runs with; the first is the
/// baseline.
/// </summary>
internal static class BuildVariants
{
    /// <summary>The GC's memory knobs: non-concurrent, a 1 MiB gen0 budget, conserve memory, no tiered PGO.</summary>
    private static Dictionary<string, string> MemoryTunedGc() => new()
    {
        ["DOTNET_gcConcurrent"] = "0", ["DOTNET_GCgen0size"] = "0x100000", ["DOTNET_GCConserveMemory"] = "9", ["DOTNET_TieredPGO"] = "0",
    };

    public static IReadOnlyList<BuildVariant> All(string publishedExecutable) =>
    [
        new("JIT dll (current build)", null, []),
        new("JIT dll, GC tuned for memory", null, MemoryTunedGc()),
        new("published executable (image build)", publishedExecutable, []),
        new("published executable, GC tuned for memory", publishedExecutable, MemoryTunedGc()),
    ];
}

/// <summary>One operator build: its executable (null: the dll through <c>dotnet</c>) and its environment.</summary>
internal sealed record BuildVariant(string Name, string? Executable, Dictionary<string, string> Environment);
