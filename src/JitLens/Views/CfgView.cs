using JitLens.Model;

namespace JitLens.Views;

/// <summary>
/// The control-flow graph of a unit, built from its lowest-level listing that <see cref="View.FeedsCfg"/>; a graph,
/// not a listing, so no parser reads it.
/// </summary>
public sealed class CfgView : View
{
    public const string Id = "cfg";

    public override string Name => Id;

    public override string Help => "control-flow graph, blocks coloured by source line";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod, UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.DotnetJit, FrontEnd.Ilgpu, FrontEnd.Numba];

    public override IReadOnlyList<Type> ListingParsers => [];
}
