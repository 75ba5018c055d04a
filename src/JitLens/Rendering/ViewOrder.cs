using JitLens.Model;

namespace JitLens.Rendering;

/// <summary>Which views of a unit a renderer shows, in which order: the requested ones, else all the unit has.</summary>
internal static class ViewOrder
{
    public static IReadOnlyList<string> For(InspectedUnit unit, RenderOptions options) =>
        options.Views.Count == 0
            ? unit.Views.Keys.ToList()
            : options.Views.Where(v => unit.Views.ContainsKey(v)).ToList();

    /// <summary>The regions outside the user's lines, in the order they appear in code.</summary>
    public static IReadOnlyList<CodeRegion> Regions { get; } =
        [CodeRegion.Header, CodeRegion.Prolog, CodeRegion.Dispatch, CodeRegion.Epilog, CodeRegion.ThrowPath, CodeRegion.Unmapped];

    /// <summary>The region's name in the JSON contract: <c>prolog</c>, <c>throwpath</c>, ...</summary>
    public static string Name(CodeRegion region) => region.ToString().ToLowerInvariant();

    /// <summary>What a reader sees beside the region's code.</summary>
    public static string Label(CodeRegion region) => region switch
    {
        CodeRegion.ThrowPath => "cold throw path",
        CodeRegion.Dispatch => "compiler-generated dispatch",
        _ => Name(region),
    };
}
