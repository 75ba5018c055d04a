using JitLens.Gpu.Sass;
using JitLens.Model;
using JitLens.Remarks;
using JitLens.Tests.Gpu.Support;
using JitLens.Views;
using Xunit;

namespace JitLens.Tests.Remarks;

/// <summary>
/// The GPU remark kinds: on real PTX that ILGPU emits here for Gpu/Samples/RemarkKernels.cs (no GPU needed), and on
/// a recorded nvdisasm SASS listing (Gpu/TestData/README.md), where they must appear and where they must not.
/// </summary>
public sealed class GpuRemarkTests
{
    [Fact]
    public async Task Should_report_local_memory_the_barrier_and_predicated_branches_in_ptx_and_none_in_a_straight_kernel()
    {
        // Given a kernel with a local array, a block barrier and a branch on the thread index, and one that scales
        var context = await KernelInspection.RunAsync("RemarkKernels.cs", [PtxView.Id]);
        var kernels = context.Result.Kernels.ToDictionary(k => k.Name);
        foreach (var kernel in kernels.Values)
        {
            RemarkAnalysis.Annotate(kernel);
        }

        // Then the first has each kind, from its ld.local/st.local, bar.sync and @%p bra, the divergent one inferred
        var blockSum = kernels["Samples.RemarkKernels.BlockSum"];
        Assert.Contains(blockSum.Remarks, r => r.Kind == "local-memory" && r.Line == KernelInspection.LineOf(blockSum, "local[k] = data"));
        Assert.Contains(blockSum.Remarks, r => r.Kind == "barrier" && r.Message.Contains("bar.sync", StringComparison.Ordinal));
        Assert.Contains(blockSum.Remarks, r => r.Kind == "divergent-branch" && r.Evidence == RemarkEvidence.Inferred);

        // And the straight kernel has none of them
        Assert.DoesNotContain(kernels["Samples.RemarkKernels.Scale"].Remarks, r => r.Kind is "local-memory" or "barrier" or "divergent-branch");
    }

    [Fact]
    public void Should_report_the_predicated_sass_branch_of_a_recorded_listing_and_no_barrier_or_local_memory()
    {
        // Given real nvdisasm output of min.cu (a compare and @P0 BRA on line 4, no __syncthreads, no local memory)
        var listing = SassListingParser.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gpu", "TestData", "celeritas-min.nvdisasm.sass")),
            file => file.EndsWith("/maths/min.cu", StringComparison.Ordinal));
        var unit = new InspectedUnit("call_min", UnitKind.GpuKernel, new SourceDocument("min.cu", [], "cuda"));
        unit.AddView(listing);

        // When its remarks are derived
        RemarkAnalysis.Annotate(unit);

        // Then the predicated branch is a possibly divergent branch on line 4, and nothing else of the GPU kinds appears
        Assert.Contains(unit.Remarks, r => r.Kind == "divergent-branch" && r.Line == 4 && r.Message.Contains("@P0 BRA", StringComparison.Ordinal));
        Assert.DoesNotContain(unit.Remarks, r => r.Kind is "local-memory" or "barrier");
        Assert.DoesNotContain(unit.Remarks, r => r.Message.Contains("@!PT", StringComparison.Ordinal));
    }
}
