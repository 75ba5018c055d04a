using JitLens.Capture.Asm;
using JitLens.Model;
using JitLens.Numba;

namespace JitLens.Views;

/// <summary>x64 assembly of a CPU method: the .NET JIT's code, or the native code Numba's LLVM emitted.</summary>
public sealed class AsmView : View
{
    public const string Id = "asm";

    public override string Name => Id;

    public override string Help => "x64 assembly of the methods (the .NET JIT's or Numba's)";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.DotnetJit, FrontEnd.Numba];

    public override bool FeedsCfg => true;

    public override bool HasNativeOffsets => true;

    public override IReadOnlyList<Type> ListingParsers => [typeof(AsmDecoder), typeof(X86AsmListing)];
}
