using JitLens.Model;

namespace JitLens.Views;

/// <summary>
/// The one place where views are registered, in the order help texts and flags list them. Front ends, stages and
/// renderers look views up here instead of spelling their names.
/// </summary>
public static class ViewCatalog
{
    public static IReadOnlyList<View> All { get; } =
    [
        // Python functions first, from what Numba reads to what LLVM gets: %%jitlens shows a Numba function's views in
        // this order, down to its native code (asm, ptx and sass below).
        new BytecodeView(),
        new NumbaIrView(),
        new LlvmIrView(),

        // .NET methods, from the source down: IL first, the JIT's x64 code after it (the CFG's source for CPU code).
        new IlView(),
        new AsmView(),
        new HexView(), // asm's bytes, beside it, for those who read encodings (opt-in)

        // GPU kernels, from ILGPU's IR down to the machine code: the same order the compilers run in.
        new GpuIrView(),
        new GeneratedIrView(),
        new PtxView(),
        new SassView(),

        // Graphs come after every listing: they are built from the lowest-level listing a unit has.
        new CfgView(),

        // Remarks read every listing above; shown on the source lines, not as a listing.
        new RemarksView(),
    ];

    public static IReadOnlyList<string> Names => All.Select(v => v.Name).ToList();

    public static View? Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The views that apply to <paramref name="kind"/>, in catalog order.</summary>
    public static IReadOnlyList<View> For(UnitKind kind) => All.Where(v => v.AppliesTo(kind)).ToList();

    /// <summary>The views <paramref name="frontEnd"/> makes, in catalog order.</summary>
    public static IReadOnlyList<View> MadeBy(FrontEnd frontEnd) => All.Where(v => v.FrontEnds.Contains(frontEnd)).ToList();

    /// <summary>The views a CFG can be built from for <paramref name="kind"/>, the lowest-level (latest registered) first.</summary>
    public static IReadOnlyList<string> CfgSources(UnitKind kind) =>
        All.Where(v => v.FeedsCfg && v.AppliesTo(kind)).Reverse().Select(v => v.Name).ToList();
}
