using JitLens.Model;
using JitLens.Numba;

namespace JitLens.Views;

/// <summary>Numba's typed IR of one signature, before lowering to LLVM.</summary>
public sealed class NumbaIrView : View
{
    public const string Id = "numba_ir";

    public override string Name => Id;

    // Numba-Inspector's %%numba spells it so, and %%jitlens follows its flags.
    public override string Flag => "numbair";

    public override string Help => "Numba IR of Numba functions, typed";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod, UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Numba];

    public override IReadOnlyList<Type> ListingParsers => [typeof(NumbaIrListing)];
}
