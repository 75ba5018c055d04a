using JitLens.Model;
using JitLens.Numba;

namespace JitLens.Views;

/// <summary>CPython bytecode of a Numba function, what Numba's front end reads.</summary>
public sealed class BytecodeView : View
{
    public const string Id = "bytecode";

    public override string Name => Id;

    public override string Help => "Python bytecode of Numba functions";

    public override IReadOnlyList<UnitKind> UnitKinds => [UnitKind.CpuMethod, UnitKind.GpuKernel];

    public override IReadOnlyList<FrontEnd> FrontEnds => [FrontEnd.Numba];

    public override IReadOnlyList<Type> ListingParsers => [typeof(BytecodeListing)];
}
