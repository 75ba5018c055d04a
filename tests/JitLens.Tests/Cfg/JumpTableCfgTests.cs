using JitLens.Cfg;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Tests.Cpu;
using Xunit;

namespace JitLens.Tests.Cfg;

/// <summary>Jump tables read from the JIT's real code and data: CFG edges, labels and the listing's comment.</summary>
public sealed class JumpTableCfgTests : IClassFixture<JumpTableCfgTests.Inspection>
{
    private readonly InspectionResult _result;

    public JumpTableCfgTests(Inspection inspection)
    {
        _result = inspection.Result;
    }

    [Fact]
    public void Should_give_the_block_ending_in_a_jump_table_one_edge_to_each_case()
    {
        // Given a dense switch over seven days, JIT-compiled with full optimisation
        var day = _result.Method("Switches.Day(");
        var listing = day.Views["asm"];

        // When its graph is built
        var graph = ControlFlowGraphBuilder.Build(listing)!;

        // Then one indirect jmp carries the table's seven entries, each the label of an instruction in the method
        var jump = Assert.Single(listing.Instructions, i => i.SwitchTargetLabels.Count > 0);
        Assert.StartsWith("jmp r", jump.Text, StringComparison.Ordinal);
        Assert.Equal(7, jump.SwitchTargetLabels.Count);
        var labelled = listing.Instructions.Where(i => i.Label is not null).ToDictionary(i => i.Label!, StringComparer.Ordinal);
        Assert.All(jump.SwitchTargetLabels, l => Assert.True(labelled.ContainsKey(l), $"{l} starts no instruction"));

        // And the block ending with it has a switch edge to each case's block, and entry i leads to the code of case i
        var switchBlock = Assert.Single(graph.Blocks, b => b.Instructions[^1] == jump.Text);
        var edges = graph.Edges.Where(e => e.From == switchBlock.Id && e.Kind == ControlFlowEdgeKind.Switch).ToList();
        Assert.Equal(7, edges.Select(e => e.To).Distinct().Count());
        for (var i = 0; i < 7; i++)
        {
            var target = labelled[jump.SwitchTargetLabels[i]];
            var block = Assert.Single(graph.Blocks, b => b.Instructions[0] == target.Text);
            Assert.Contains(edges, e => e.To == block.Id);
            Assert.Contains(CSharpInspection.LineOf(JumpTableSource.Text, $"// case {i}"), block.Lines);
        }
    }

    [Fact]
    public void Should_show_the_jump_table_in_the_listing_with_the_labels_the_listing_uses()
    {
        // Given the dense switch's asm
        var listing = _result.Method("Switches.Day(").Views["asm"];

        // When we read its indirect jmp
        var jump = Assert.Single(listing.Instructions, i => i.SwitchTargetLabels.Count > 0);

        // Then its text lists the table in entry order, and every listed label starts a line of the listing
        Assert.EndsWith("; jump table: " + string.Join(", ", jump.SwitchTargetLabels), jump.Text, StringComparison.Ordinal);
        Assert.All(jump.SwitchTargetLabels, l => Assert.Contains(listing.Instructions, i => i.Label == l));
    }

    [Fact]
    public void Should_read_each_of_two_tables_in_one_method_up_to_its_own_bounds_check()
    {
        // Given a method with two switches: cases 10..15, and cases 0..7 with holes at 2 and 6
        var two = _result.Method("Switches.Two(");
        var graph = ControlFlowGraphBuilder.Build(two.Views["asm"])!;

        // When we read its jumps through tables
        var jumps = two.Views["asm"].Instructions.Where(i => i.SwitchTargetLabels.Count > 0).ToList();

        // Then each table has exactly its own entries (the data after the first is the second, not more cases)
        Assert.Equal(2, jumps.Count);
        Assert.Equal(6, jumps[0].SwitchTargetLabels.Count);
        Assert.Equal(6, jumps[0].SwitchTargetLabels.Distinct().Count());
        Assert.Equal(8, jumps[1].SwitchTargetLabels.Count);

        // And the holes go to one place (past the switch), so the second jmp has seven distinct ways out
        Assert.Equal(jumps[1].SwitchTargetLabels[2], jumps[1].SwitchTargetLabels[6]);
        Assert.Equal(7, jumps[1].SwitchTargetLabels.Distinct().Count());
        Assert.Equal(13, graph.Edges.Count(e => e.Kind == ControlFlowEdgeKind.Switch));
    }

    [Theory]
    [InlineData("Switches.Sparse(")]
    [InlineData("Switches.Chain(")]
    public void Should_leave_code_without_a_jump_table_as_it_was(string method)
    {
        // Given a sparse switch (compares, no table) and an if-chain
        var unit = _result.Method(method);

        // When its graph is built
        var graph = ControlFlowGraphBuilder.Build(unit.Views["asm"])!;

        // Then nothing claims a table: no switch targets, no table comment, no switch edges, and no indirect jmp at all
        Assert.All(unit.Views["asm"].Instructions, i => Assert.Empty(i.SwitchTargetLabels));
        Assert.DoesNotContain(unit.Asm(), i => i.Contains("jump table", StringComparison.Ordinal) || i.StartsWith("jmp r", StringComparison.Ordinal));
        Assert.DoesNotContain(graph.Edges, e => e.Kind == ControlFlowEdgeKind.Switch);
        Assert.Contains(graph.Edges, e => e.Kind == ControlFlowEdgeKind.Conditional);
    }

    [Fact]
    public async Task Should_read_the_table_of_unoptimized_tier0_code_whose_bounds_check_reads_the_stack()
    {
        // Given the dense switch at Tier0, where the index lives in a stack slot (cmp dword ptr [rbp-X], 6)
        var tier0 = await CSharpInspection.RunAsync("Switches.cs", JumpTableSource.Text, method: "Day", tier: JitTier.Tier0);
        var day = tier0.Method("Switches.Day(");

        // When its graph is built
        var graph = ControlFlowGraphBuilder.Build(day.Views["asm"])!;

        // Then its table is read too: seven entries, seven switch edges
        Assert.Equal("Tier0", day.Tier);
        var jump = Assert.Single(day.Views["asm"].Instructions, i => i.SwitchTargetLabels.Count > 0);
        Assert.Equal(7, jump.SwitchTargetLabels.Distinct().Count());
        Assert.Equal(7, graph.Edges.Count(e => e.Kind == ControlFlowEdgeKind.Switch));
    }

    /// <summary>One real compile and JIT of <see cref="JumpTableSource"/> for the class.</summary>
    public sealed class Inspection : IAsyncLifetime
    {
        public InspectionResult Result { get; private set; } = new();

        public async Task InitializeAsync() => Result = await CSharpInspection.RunAsync("Switches.cs", JumpTableSource.Text);

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
