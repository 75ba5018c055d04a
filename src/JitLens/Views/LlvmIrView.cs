using JitLens.Model;
using JitLens.Numba;

namespace JitLens.Views;

/// <summary>The optimized LLVM IR Numba made of one signature, per line through its debug locations.</summary>
public sealed class LlvmIrView : View
{
    public const string Id = "llvm";

    public override string Name => Id;

    public override string Help => "LLVM IR of Numba functions, optimized";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod, UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Numba];

    public override IReadOnlyList<Type> ListingParsers => [typeof(LlvmIrListing)];
}
