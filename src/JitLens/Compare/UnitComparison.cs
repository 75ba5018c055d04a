using JitLens.Model;

namespace JitLens.Compare;

/// <summary>One unit (method, kernel, Numba function) found on both sides, compared line by line.</summary>
public sealed record UnitComparison(string Name, InspectedUnit Left, InspectedUnit Right, IReadOnlyList<string> Views, IReadOnlyList<LineComparison> Lines, IReadOnlyList<ViewDelta> Totals)
{
    /// <summary>Right minus left native code size, when both sides know it.</summary>
    public int? CodeSizeDelta => Left.CodeSize is { } l && Right.CodeSize is { } r ? r - l : null;
}
