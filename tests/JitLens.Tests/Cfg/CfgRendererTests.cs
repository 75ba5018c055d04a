using System.Xml.Linq;
using JitLens.Cfg;
using JitLens.Cfg.Rendering;
using JitLens.Model;
using JitLens.Rendering;
using Xunit;

namespace JitLens.Tests.Cfg;

public class CfgRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static InspectionResult TwoUnits()
    {
        var result = new InspectionResult();
        var source = SourceDocument.FromText("Demo.cs", "a\nb\nc", "csharp");
        var method = new InspectedUnit("Demo.Loop()", UnitKind.CpuMethod, source)
        {
            Cfg = new ControlFlowGraph("asm", [new("B0", [1], ["xor eax, eax"]), new("B1", [2], ["inc eax", "jl B1"])], [new("B0", "B1", ControlFlowEdgeKind.FallThrough), new("B1", "B1", ControlFlowEdgeKind.Back)]),
        };
        var kernel = new InspectedUnit("Demo.Kernel", UnitKind.GpuKernel, source)
        {
            Arch = "sm_90",
            Cfg = new ControlFlowGraph("ptx", [new("B0", [3], ["ret;"])], []),
        };
        result.Methods.Add(method);
        result.Kernels.Add(kernel);
        return result;
    }

    [Fact]
    public void Should_write_one_dot_digraph_per_unit()
    {
        // Given a method and a kernel with graphs
        using var output = new StringWriter();

        // When rendered as DOT
        RendererCatalog.Find("dot")!.Render(TwoUnits(), output, new RenderOptions());

        // Then
        var text = output.ToString();
        Assert.Contains("digraph \"Demo.Loop()\" {", text, StringComparison.Ordinal);
        Assert.Contains("digraph \"Demo.Kernel\" {", text, StringComparison.Ordinal);
        Assert.Contains("\"B1\" -> \"B1\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_stack_every_units_graph_in_one_svg_document()
    {
        // Given a method and a kernel with graphs, laid out as the layout stage does
        using var output = new StringWriter();
        var result = TwoUnits();
        foreach (var unit in result.Methods.Concat(result.Kernels))
        {
            unit.Cfg!.Drawing = ControlFlowGraphSvg.Draw(unit.Cfg, unit.Name);
        }

        // When rendered as SVG
        new SvgRenderer().Render(result, output, new RenderOptions());

        // Then the document parses, holds one nested graph per unit below its title, the second below the first
        var document = XDocument.Parse(output.ToString());
        var graphs = document.Root!.Elements(Svg + "svg").ToList();
        Assert.Equal(2, graphs.Count);
        Assert.True(double.Parse((string)graphs[1].Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture) > double.Parse((string)graphs[0].Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Demo.Loop()  (asm)", "Demo.Kernel  (ptx, sm_90)"], document.Root.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal(3, document.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "cfg-block"));
    }

    [Fact]
    public void Should_say_why_there_is_no_graph()
    {
        // Given a result without graphs
        using var output = new StringWriter();

        // When rendered as DOT
        new DotRenderer().Render(new InspectionResult(), output, new RenderOptions());

        // Then
        Assert.Equal("// No control-flow graphs: they are built from the asm, ptx or sass view.", output.ToString().Trim());
    }
}
