using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// Local memory in a kernel: PTX <c>ld.local</c>/<c>st.local</c>, SASS <c>LDL</c>/<c>STL</c>. Per-thread memory that
/// lives in device memory: a local array, or (in SASS) registers spilled by ptxas. One remark per line.
/// </summary>
public sealed class LocalMemoryRemark : RemarkKind
{
    public override string Name => "local-memory";

    public override string Singular => "line using local memory";

    public override string Plural => "lines using local memory";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        if (facts.Kernel is not { } listing)
        {
            yield break;
        }

        var sass = GpuCode.IsSass(listing);
        var accesses = facts.KernelInstructions
            .Where(a => sass ? a.Opcode.StartsWith("LDL", StringComparison.Ordinal) || a.Opcode.StartsWith("STL", StringComparison.Ordinal)
                             : a.Opcode.StartsWith("ld.local", StringComparison.Ordinal) || a.Opcode.StartsWith("st.local", StringComparison.Ordinal))
            .GroupBy(a => a.Line);
        foreach (var line in accesses.OrderBy(g => g.Key ?? int.MaxValue))
        {
            var loads = line.Count(a => a.Opcode.StartsWith(sass ? "LDL" : "ld.", StringComparison.Ordinal));
            var stores = line.Count() - loads;
            var why = sass ? "register spills or a local array" : "a local array or a variable kept in memory";
            yield return Remark(line.Key, $"local memory: {loads} load{(loads == 1 ? string.Empty : "s")}, {stores} store{(stores == 1 ? string.Empty : "s")} ({(sass ? "LDL/STL" : "ld.local/st.local")}) — {why}, as slow as global memory", listing.View, line.Any(a => a.InLoop));
        }
    }
}
