using JitLens.Model;

namespace JitLens.Cfg.Rendering;

internal static class GraphedUnits
{
    /// <summary>CPU methods, then kernels, each with a graph.</summary>
    public static IReadOnlyList<InspectedUnit> Of(InspectionResult result) =>
        result.Methods.Concat(result.Kernels).Where(u => u.Cfg is { Blocks.Count: > 0 }).ToList();
}
