using JitLens.Cfg;
using JitLens.Model;
using JitLens.Tests.Cpu;
using Xunit;

namespace JitLens.Tests.Cfg;

/// <summary>The CFG of real x64 code from the JIT (through the core pipeline), not a hand-written listing.</summary>
public class CpuLoopCfgTests
{
    private const string Source = """
        public static class Loops
        {
            public static int Sum(int[] values)
            {
                var total = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    total += values[i];
                }

                return total;
            }
        }
        """;

    [Fact]
    public async Task Should_give_a_jitted_loop_a_back_edge_into_the_loop_and_blocks_linked_to_its_lines()
    {
        // Given a summing loop JIT-compiled for x64 with full optimisation
        var result = await CSharpInspection.RunAsync("Loops.cs", Source, method: "*Sum*");
        var sum = result.Method("Loops.Sum");

        // When the graph of its asm is built
        var graph = ControlFlowGraphBuilder.Build(sum.Views["asm"])!;

        // Then a back edge closes the loop, and the block it leaves holds the body's add
        var back = Assert.Single(graph.Edges, e => e.Kind == ControlFlowEdgeKind.Back);
        var bodyLine = CSharpInspection.LineOf(Source, "total += values[i]");
        var loopBlocks = graph.Blocks.Where(b => b.Id == back.From || b.Id == back.To).ToList();
        Assert.Contains(loopBlocks, b => b.Lines.Contains(bodyLine) && b.Instructions.Any(i => i.StartsWith("add ", StringComparison.Ordinal)));

        // And it lays out as SVG with one group per block
        var svg = ControlFlowGraphSvg.Draw(graph, sum.Name).Svg;
        Assert.Equal(graph.Blocks.Count, svg.Split("class=\"cfg-block\"").Length - 1);
    }
}
