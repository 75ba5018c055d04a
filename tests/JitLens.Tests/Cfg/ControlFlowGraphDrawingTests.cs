using System.Globalization;
using System.Xml.Linq;
using JitLens.Cfg;
using JitLens.Cfg.Layout;
using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cfg;

public class ControlFlowGraphDrawingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ControlFlowGraph Diamond() => new("asm",
        [
            new("B0", [2], ["test ecx, ecx", "je short ELSE"]),
            new("B1", [3], ["mov eax, 1", "jmp short JOIN"]),
            new("B2", [5], ["mov eax, 2"]),
            new("B3", [6, 7], ["add eax, 1", "jmp short B0"]),
        ],
        [
            new("B0", "B1", ControlFlowEdgeKind.FallThrough),
            new("B0", "B2", ControlFlowEdgeKind.Conditional),
            new("B1", "B3", ControlFlowEdgeKind.Jump),
            new("B2", "B3", ControlFlowEdgeKind.FallThrough),
            new("B3", "B0", ControlFlowEdgeKind.Back),
            new("B2", "B2", ControlFlowEdgeKind.Back),
        ]);

    [Fact]
    public void Should_write_svg_blocks_and_edges_with_the_data_attributes_the_html_view_reads()
    {
        // Given a graph with a diamond, a loop back to the entry and a self-loop
        var graph = Diamond();

        // When it is drawn
        var svg = XDocument.Parse(ControlFlowGraphSvg.Draw(graph, "Demo.Run(bool)").Svg);

        // Then every block is a <g class="cfg-block"> with its id and lines, and every edge a <path class="cfg-edge">
        var blocks = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "cfg-block").ToList();
        Assert.Equal(["B0", "B1", "B2", "B3"], blocks.Select(b => (string)b.Attribute("data-block")!));
        Assert.Equal("6 7", (string)blocks[3].Attribute("data-lines")!);
        Assert.All(blocks, b => Assert.NotNull(b.Element(Svg + "rect")));
        var edges = svg.Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class"))?.StartsWith("cfg-edge", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(6, edges.Count);
        Assert.Contains(edges, e => (string)e.Attribute("data-from")! == "B3" && (string)e.Attribute("data-to")! == "B0");
    }

    [Fact]
    public void Should_lay_out_blocks_top_down_without_overlaps()
    {
        // Given the diamond
        var graph = Diamond();
        var sizes = graph.Blocks.Select(_ => new LayoutSize(120, 40)).ToList();
        var index = graph.Blocks.Select((b, i) => (b.Id, i)).ToDictionary(p => p.Id, p => p.i);

        // When it is laid out
        var layout = LayeredLayout.Compute(sizes, graph.Edges.Select(e => (index[e.From], index[e.To])).ToList());

        // Then the entry is above both branches, which are above the join, and no two blocks overlap
        var c = layout.Corners;
        Assert.True(c[0].Y < c[1].Y && c[0].Y < c[2].Y && c[1].Y < c[3].Y && c[2].Y < c[3].Y);
        for (var a = 0; a < c.Count; a++)
        {
            for (var b = a + 1; b < c.Count; b++)
            {
                var apart = c[a].X + 120 <= c[b].X || c[b].X + 120 <= c[a].X || c[a].Y + 40 <= c[b].Y || c[b].Y + 40 <= c[a].Y;
                Assert.True(apart, $"blocks {a} and {b} overlap");
            }
        }

        // And every block lies inside the drawing
        Assert.All(c, p => Assert.True(p.X >= 0 && p.X + 120 <= layout.Width && p.Y + 40 <= layout.Height));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Should_lay_out_any_graph_with_loops_without_overlapping_blocks(int seed)
    {
        // Given a random control-flow-like graph: a chain with random forward jumps, back edges and self-loops
        var random = new Random(seed);
        var n = random.Next(5, 60);
        var sizes = Enumerable.Range(0, n).Select(_ => new LayoutSize(random.Next(40, 300), random.Next(20, 120))).ToList();
        var edges = new List<(int, int)>();
        for (var v = 0; v + 1 < n; v++)
        {
            edges.Add((v, v + 1));
            if (random.Next(3) == 0)
            {
                edges.Add((v, random.Next(n)));
            }
        }

        // When laid out
        var layout = LayeredLayout.Compute(sizes, edges);

        // Then no two blocks overlap, all lie inside the drawing, and every edge has a route
        for (var a = 0; a < n; a++)
        {
            Assert.True(layout.Corners[a].X >= 0 && layout.Corners[a].X + sizes[a].Width <= layout.Width + 0.01);
            for (var b = a + 1; b < n; b++)
            {
                var (p, q) = (layout.Corners[a], layout.Corners[b]);
                var apart = p.X + sizes[a].Width <= q.X + 0.01 || q.X + sizes[b].Width <= p.X + 0.01
                    || p.Y + sizes[a].Height <= q.Y + 0.01 || q.Y + sizes[b].Height <= p.Y + 0.01;
                Assert.True(apart, $"blocks {a} and {b} overlap");
            }
        }

        Assert.Equal(edges.Count, layout.Routes.Count);
        Assert.All(layout.Routes, r => Assert.True(r.Points.Count >= 2));
    }

    [Fact]
    public void Should_route_a_long_edge_around_the_layer_it_crosses()
    {
        // Given a chain 0 -> 1 -> 2 and a long edge 0 -> 2
        var sizes = Enumerable.Repeat(new LayoutSize(100, 30), 3).ToList();

        // When laid out
        var layout = LayeredLayout.Compute(sizes, [(0, 1), (1, 2), (0, 2)]);

        // Then the long edge bends through a point in the middle layer that is beside block 1, not through it
        var route = layout.Routes[2].Points;
        Assert.Equal(3, route.Count);
        var bend = route[1];
        var middle = layout.Corners[1];
        Assert.True(bend.X < middle.X || bend.X > middle.X + 100, string.Create(CultureInfo.InvariantCulture, $"bend at {bend.X} crosses block 1 at {middle.X}..{middle.X + 100}"));
    }

    [Fact]
    public void Should_write_dot_with_every_block_and_edge()
    {
        // Given the diamond
        // When it is written as DOT
        var dot = ControlFlowGraphDot.Write(Diamond(), "Demo.Run(bool)");

        // Then
        Assert.StartsWith("digraph \"Demo.Run(bool)\" {", dot, StringComparison.Ordinal);
        Assert.Contains("\"B3\" [label=\"B3  lines 6, 7\\ladd eax, 1\\ljmp short B0\\l\"];", dot, StringComparison.Ordinal);
        Assert.Contains("\"B3\" -> \"B0\" [color=\"#c62828\", constraint=false];", dot, StringComparison.Ordinal);
        Assert.Equal(6, dot.Split("->").Length - 1);
    }
}
