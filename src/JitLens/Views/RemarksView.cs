using JitLens.Model;

namespace JitLens.Views;

/// <summary>
/// Codegen remarks on every line (a bounds check kept, an allocation, a call not inlined, ...): not a listing of its
/// own but badges and sentences on the source lines, read from the listings it is made from by the remarks stage
/// (<see cref="Remarks.RemarksStage"/>); see docs/remarks.md.
/// </summary>
public sealed class RemarksView : View
{
    public const string Id = "remarks";

    public override string Name => Id;

    public override string Help => "codegen remarks on each line: bounds checks, allocations, calls not inlined, vectorised loops, spills, ...";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod, UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.DotnetJit, FrontEnd.Ilgpu, FrontEnd.Numba];

    public override IReadOnlyList<string> MadeFrom => [IlView.Id, AsmView.Id, NumbaIrView.Id, LlvmIrView.Id, PtxView.Id, SassView.Id];

    public override IReadOnlyList<Type> ListingParsers => [];
}
