using JitLens.Gpu.Compilation;
using JitLens.Model;

namespace JitLens.Views;

/// <summary>ILGPU's IR of a kernel after its optimizations, the form code generation starts from.</summary>
public sealed class GpuIrView : View
{
    public const string Id = "ir";

    public override string Name => Id;

    public override string Help => "ILGPU IR of GPU kernels, optimized";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Ilgpu];

    public override IReadOnlyList<Type> ListingParsers => [typeof(IrCapture)];
}
