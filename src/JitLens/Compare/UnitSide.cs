using JitLens.Model;

namespace JitLens.Compare;

/// <summary>One side of a unit comparison: the unit's per-line model and its instructions' sizes, read once.</summary>
internal sealed class UnitSide
{
    private readonly InspectedUnit _unit;
    private readonly Dictionary<string, Dictionary<CodeInstruction, int>> _sizes;

    public UnitSide(InspectedUnit unit, IReadOnlyList<string> views)
    {
        _unit = unit;
        Lines = unit.Lines().ToDictionary(l => l.Line);
        _sizes = views.ToDictionary(
            v => v,
            v => unit.Views.TryGetValue(v, out var listing) ? InstructionSizes.Of(listing, unit) : new Dictionary<CodeInstruction, int>(ReferenceEqualityComparer.Instance),
            StringComparer.Ordinal);
    }

    public Dictionary<int, LineCode> Lines { get; }

    public string SourceOf(int? line) => line is { } l ? _unit.Source.TextOf(l) : string.Empty;

    /// <summary>What the side shows under the line in the view: its code and the exits placed after it, as the listings show them.</summary>
    public SideCode Under(int? line, string view) =>
        line is { } l && Lines.TryGetValue(l, out var code) && code.Runs.TryGetValue(view, out var runs)
            ? InstructionSizes.Side(runs.SelectMany(r => r), _sizes[view])
            : SideCode.None;

    /// <summary>The whole unit's code in the view, prolog and epilog included.</summary>
    public SideCode Whole(string view) =>
        _unit.Views.TryGetValue(view, out var listing) ? InstructionSizes.Side(listing.Instructions, _sizes[view]) : SideCode.None;
}
