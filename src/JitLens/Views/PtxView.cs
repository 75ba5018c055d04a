using JitLens.Gpu.Ptx;
using JitLens.Model;

namespace JitLens.Views;

/// <summary>PTX of a GPU kernel, per line through its .loc directives (ILGPU's or Numba's CUDA target).</summary>
public sealed class PtxView : View
{
    public const string Id = "ptx";

    public override string Name => Id;

    public override string Help => "PTX of GPU kernels";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Ilgpu, FrontEnd.Numba];

    public override bool FeedsCfg => true;

    public override IReadOnlyList<Type> ListingParsers => [typeof(PtxListingParser)];
}
