using JitLens.Gpu.Toolkit;
using JitLens.Model;
using JitLens.Tests.Gpu.Support;
using Xunit;

namespace JitLens.Tests.Gpu;

/// <summary>PTX → ptxas → nvdisasm → per-line SASS; needs the CUDA toolkit, skipped (with the reason) elsewhere.</summary>
public class SassEndToEndTests
{
    [SkippableTheory]
    [InlineData("sm_75")]
    [InlineData("sm_80")]
    [InlineData("sm_90")]
    public async Task Should_assemble_the_ptx_and_map_sass_to_the_loop_body_line(string arch)
    {
        Skip.If(CudaToolkit.Find() is null, "ptxas and nvdisasm are not on PATH: install the CUDA toolkit to run the SASS path end to end.");

        // Given the sample kernels and a CUDA toolkit
        // When inspected for SASS on this architecture
        var context = await KernelInspection.RunAsync("Kernels.cs", ["sass", "cfg"], arch);

        // Then ptxas accepted the PTX, and the loop body's load and add are SASS under the body line
        var rowSums = context.Result.Kernels.Single(k => k.Name == "Samples.Kernels.RowSums");
        var body = KernelInspection.At(rowSums, "sass", KernelInspection.LineOf(rowSums, "sum += matrix"));
        Assert.Contains(body, t => t.Contains("LDG", StringComparison.Ordinal));
        Assert.Contains(body, t => t.Contains("IADD", StringComparison.Ordinal) || t.Contains("IMAD", StringComparison.Ordinal));

        // And the kernel's graph is built from SASS, with the loop's back edge
        Assert.Equal("sass", rowSums.Cfg!.View);
        Assert.Contains(rowSums.Cfg.Edges, e => e.Kind == ControlFlowEdgeKind.Back);
    }
}
