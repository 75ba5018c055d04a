namespace JitLens.Compare;

/// <summary>
/// One row of a comparison: a source line of each side (or of one side only, when the edit inserted or removed it),
/// with each view's code on both sides.
/// </summary>
public sealed record LineComparison(int? LeftLine, int? RightLine, string LeftSource, string RightSource, bool SourceChanged, IReadOnlyList<ViewDelta> Views)
{
    /// <summary>The line's source was edited, it exists on one side only, or any view's code differs.</summary>
    public bool Changed => SourceChanged || LeftLine is null || RightLine is null || Views.Any(v => v.Changed);
}
