using JitLens.Gpu.Sass;
using JitLens.Model;

namespace JitLens.Views;

/// <summary>SASS of a GPU kernel, the machine code ptxas made of its PTX (needs the CUDA toolkit).</summary>
public sealed class SassView : View
{
    public const string Id = "sass";

    public override string Name => Id;

    public override string Help => "SASS of GPU kernels (needs the CUDA toolkit)";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Ilgpu, FrontEnd.Numba];

    public override bool FeedsCfg => true;

    public override bool HasNativeOffsets => true;

    public override IReadOnlyList<Type> ListingParsers => [typeof(SassListingParser)];
}
