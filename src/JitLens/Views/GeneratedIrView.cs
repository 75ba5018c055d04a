using JitLens.Gpu.Compilation;
using JitLens.Model;

namespace JitLens.Views;

/// <summary>ILGPU's IR of a kernel as code generation finished with it (after the backend's own lowering).</summary>
public sealed class GeneratedIrView : View
{
    public const string Id = "ir_generated";

    public override string Name => Id;

    public override string Help => "ILGPU IR of GPU kernels as code generation finished with it";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Ilgpu];

    public override IReadOnlyList<Type> ListingParsers => [typeof(IrCapture)];
}
