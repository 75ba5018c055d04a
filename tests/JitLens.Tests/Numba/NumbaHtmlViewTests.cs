using JitLens.Cfg;
using JitLens.Numba;
using JitLens.Pipeline;
using JitLens.Rendering;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>The Numba model through the shared CFG stages and the interactive HTML view, as `--format html` uses them.</summary>
public sealed class NumbaHtmlViewTests
{
    [Fact]
    public async Task Should_render_every_Numba_view_and_the_asm_CFG_in_the_HTML_view()
    {
        // Given branch.py run through the Numba stage, then the generic CFG and layout stages
        var request = new InspectRequest { Inputs = [NumbaFixtures.PathOf("branch.py")], Timeout = NumbaFixtures.Timeout };
        var context = await new InspectionPipeline([new NumbaStage(), new ControlFlowGraphStage(), new ControlFlowGraphLayoutStage()]).RunAsync(request);

        // When the HTML renderer writes it
        using var html = new StringWriter();
        RendererCatalog.Find("html")!.Render(context.Result, html, new RenderOptions());

        // Then the page carries the function, the four views by name, the source line and the CFG as SVG
        var page = html.ToString();
        var unit = Assert.Single(context.Result.Methods);
        Assert.NotNull(unit.Cfg?.Svg);
        Assert.Contains("soft_log(float64)", page, StringComparison.Ordinal);
        foreach (var view in (string[])["bytecode", "numba_ir", "llvm", "asm"])
        {
            Assert.Contains(view, page, StringComparison.Ordinal);
        }

        Assert.Contains("math.log", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
    }
}
