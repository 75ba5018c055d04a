using JitLens.Cfg;
using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cfg;

public class ControlFlowGraphBuilderTests
{
    // A sum loop as the JIT emits it for x64 (lines 5-7 of a C# method), written the way the asm capture fills the model.
    private static CodeListing SumLoop() => new("asm",
    [
        new("xor eax, eax", 5),
        new("xor edx, edx", 6),
        new("test esi, esi", 6),
        new("jle short L0016", 6) { Flow = ControlFlowKind.ConditionalBranch, TargetLabel = "L0016" },
        new("add eax, [rdi+rdx*4+0x10]", 7) { Label = "L000A" },
        new("inc edx", 6),
        new("cmp edx, esi", 6),
        new("jl short L000A", 6) { Flow = ControlFlowKind.ConditionalBranch, TargetLabel = "L000A" },
        new("ret", 8) { Label = "L0016", Flow = ControlFlowKind.Return },
    ]);

    [Fact]
    public void Should_find_a_back_edge_when_a_cpu_loop_jumps_back_to_its_body()
    {
        // Given the listing of a loop
        var listing = SumLoop();

        // When the graph is built
        var graph = ControlFlowGraphBuilder.Build(listing)!;

        // Then there are three blocks: entry, loop body, exit, and the body's jump back to itself is a back edge
        Assert.Equal(["B0", "B1", "B2"], graph.Blocks.Select(b => b.Id));
        Assert.Contains(new ControlFlowEdge("B1", "B1", ControlFlowEdgeKind.Back), graph.Edges);
        Assert.Contains(new ControlFlowEdge("B0", "B2", ControlFlowEdgeKind.Conditional), graph.Edges);
        Assert.Contains(new ControlFlowEdge("B0", "B1", ControlFlowEdgeKind.FallThrough), graph.Edges);
        Assert.Contains(new ControlFlowEdge("B1", "B2", ControlFlowEdgeKind.FallThrough), graph.Edges);
        Assert.Equal(4, graph.Edges.Count);
    }

    [Fact]
    public void Should_link_each_block_to_the_source_lines_of_its_instructions()
    {
        // Given the loop listing
        // When the graph is built
        var graph = ControlFlowGraphBuilder.Build(SumLoop())!;

        // Then each block lists the distinct lines it came from, in order
        Assert.Equal([5, 6], graph.Blocks[0].Lines);
        Assert.Equal([6, 7], graph.Blocks[1].Lines);
        Assert.Equal([8], graph.Blocks[2].Lines);
        Assert.Equal("ret", Assert.Single(graph.Blocks[2].Instructions));
    }

    [Fact]
    public void Should_not_split_blocks_at_labels_that_no_branch_targets()
    {
        // Given straight-line code with a label nobody jumps to and declarations before it
        var listing = new CodeListing("ptx",
        [
            new(".reg .b32 %r<4>;", null, CodeRegion.Header),
            new("mov.u32 %r1, %tid.x;", 3),
            new("add.s32 %r2, %r1, 1;", 4) { Label = "$L__unused" },
            new("ret;", 5) { Flow = ControlFlowKind.Return },
        ]);

        // When the graph is built
        var graph = ControlFlowGraphBuilder.Build(listing)!;

        // Then it is one block without the declaration and without edges
        var block = Assert.Single(graph.Blocks);
        Assert.Equal(3, block.Instructions.Count);
        Assert.Empty(graph.Edges);
        Assert.Equal("ptx", graph.View);
    }

    [Fact]
    public void Should_give_an_if_else_diamond_four_blocks_and_no_back_edge()
    {
        // Given if (c) a else b; join
        var listing = new CodeListing("asm",
        [
            new("test ecx, ecx", 2),
            new("je short ELSE", 2) { Flow = ControlFlowKind.ConditionalBranch, TargetLabel = "ELSE" },
            new("mov eax, 1", 3),
            new("jmp short JOIN", 3) { Flow = ControlFlowKind.Branch, TargetLabel = "JOIN" },
            new("mov eax, 2", 5) { Label = "ELSE" },
            new("ret", 6) { Label = "JOIN", Flow = ControlFlowKind.Return },
        ]);

        // When the graph is built
        var graph = ControlFlowGraphBuilder.Build(listing)!;

        // Then
        Assert.Equal(4, graph.Blocks.Count);
        Assert.DoesNotContain(graph.Edges, e => e.Kind == ControlFlowEdgeKind.Back);
        Assert.Contains(new ControlFlowEdge("B1", "B3", ControlFlowEdgeKind.Jump), graph.Edges);
        Assert.Contains(new ControlFlowEdge("B2", "B3", ControlFlowEdgeKind.FallThrough), graph.Edges);
    }

    [Fact]
    public void Should_split_at_every_jump_table_entry_and_link_each_distinct_one_once()
    {
        // Given a jmp through a four-entry table whose holes (entries 1 and 3) both go to the default
        var listing = new CodeListing("asm",
        [
            new("cmp edi, 3", 2),
            new("jmp rcx  ; jump table: A, D, B, D", 2) { Flow = ControlFlowKind.Branch, SwitchTargetLabels = ["A", "D", "B", "D"] },
            new("mov eax, 1", 3) { Label = "A" },
            new("mov eax, 2", 4) { Label = "B" },
            new("mov eax, 3", 5) { Label = "D" },
            new("ret", 6) { Flow = ControlFlowKind.Return },
        ]);

        // When the graph is built
        var graph = ControlFlowGraphBuilder.Build(listing)!;

        // Then each entry starts a block (no branch names them), and the jmp has three switch edges and no fall-through
        Assert.Equal(4, graph.Blocks.Count);
        Assert.Equal(
            [new("B0", "B1", ControlFlowEdgeKind.Switch), new("B0", "B3", ControlFlowEdgeKind.Switch), new("B0", "B2", ControlFlowEdgeKind.Switch)],
            graph.Edges.Where(e => e.From == "B0"));
    }

    [Fact]
    public void Should_return_no_graph_for_a_listing_without_code()
    {
        // Given declarations only
        var listing = new CodeListing("ptx", [new(".version 8.0", null, CodeRegion.Header)]);

        // When / Then
        Assert.Null(ControlFlowGraphBuilder.Build(listing));
    }
}
