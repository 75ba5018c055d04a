namespace DaskOperator.Bench;

/// <summary>
/// The operator builds the footprint benchmark compares, by the environment they run with; the first is the
/// baseline. A Native AOT build would go here as a third entry with its own executable.
/// </summary>
internal static class BuildVariants
{
    public static IReadOnlyList<(string Name, Dictionary<string, string> Environment)> All() =>
    [
        ("JIT (current build)", []),
        // The GC's memory knobs alone: non-concurrent, a 1 MiB gen0 budget, conserve memory, no tiered PGO.
        ("JIT, GC tuned for memory", new()
        {
            ["DOTNET_gcConcurrent"] = "0", ["DOTNET_GCgen0size"] = "0x100000", ["DOTNET_GCConserveMemory"] = "9", ["DOTNET_TieredPGO"] = "0",
        }),
    ];
}
