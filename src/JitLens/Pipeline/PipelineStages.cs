namespace JitLens.Pipeline;

/// <summary>The one place where stages are registered, in the order they run.</summary>
public static class PipelineStages
{
    public static IReadOnlyList<IInspectionStage> All { get; } =
    [
        // Python inputs: runs Numba on the file in its own process and maps what it compiled, per line.
        new Numba.NumbaStage(),
    ];
}
