using JitLens.Rendering;
using JitLens.Tests.Remarks;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>A .NET method's arch names the instruction-set extensions its own code uses, read off the captured bytes.</summary>
public sealed class InstructionSetBadgeTests(DotnetRemarksFixture fixture) : IClassFixture<DotnetRemarksFixture>
{
    [SkippableFact]
    public void Should_name_AVX2_for_a_Vector_loop_the_JIT_vectorised_with_ymm_registers()
    {
        // Given a Vector<int> sum, on a machine whose JIT makes 256-bit vectors of it
        Skip.IfNot(System.Runtime.Intrinsics.X86.Avx2.IsSupported, "this CPU has no AVX2, so the JIT does not use it");
        var unit = fixture.Unit("VectorSum");

        // Then its arch lists AVX2 after x64, and the runtime's own listing of the method computes in ymm registers
        Assert.StartsWith("x64 + ", unit.Arch, StringComparison.Ordinal);
        Assert.Contains("AVX2", unit.Arch!.Split(" + ")[1].Split(", "));
        Assert.Contains(fixture.RuntimeListings["VectorSum"], i => i.Contains("ymm", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_say_x64_alone_for_integer_code_that_uses_no_extension_and_show_it_in_the_html_badge()
    {
        // Given an integer loop, whose code is plain x64 in the runtime's own listing too (no xmm/ymm, no VEX)
        var unit = fixture.Unit("Count");
        Assert.DoesNotContain(fixture.RuntimeListings["Count"], i => System.Text.RegularExpressions.Regex.IsMatch(i, @"\b[xyz]mm\d"));

        // When the method is rendered as HTML
        using var html = new StringWriter();
        var only = new Model.InspectionResult();
        only.Methods.Add(unit);
        RendererCatalog.Find("html")!.Render(only, html, new RenderOptions());

        // Then its arch is x64 with no extension, and the badge says so
        Assert.Equal("x64", unit.Arch);
        Assert.Contains(">arch: x64<", html.ToString(), StringComparison.Ordinal);
    }
}
