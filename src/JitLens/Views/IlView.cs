using JitLens.Capture.Il;
using JitLens.Model;

namespace JitLens.Views;

/// <summary>.NET IL of a method, per line through the PDB's sequence points.</summary>
public sealed class IlView : View
{
    public const string Id = "il";

    public override string Name => Id;

    public override string Help => ".NET IL of the methods";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.DotnetJit];

    public override IReadOnlyList<Type> ListingParsers => [typeof(IlDisassembler)];
}
