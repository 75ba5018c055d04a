using JitLens.Cfg;
using JitLens.Gpu.Sass;
using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Gpu;

/// <summary>Against real nvdisasm output (see TestData/README.md for where it comes from).</summary>
public class SassListingParserTests
{
    private static CodeListing Listing() => SassListingParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gpu", "TestData", "celeritas-min.nvdisasm.sass")),
        file => file.EndsWith("/maths/min.cu", StringComparison.Ordinal));

    [Fact]
    public void Should_put_each_sass_instruction_under_the_line_nvdisasm_names_for_it()
    {
        // Given real nvdisasm -g output of min.cu
        // When it is parsed
        var listing = Listing();

        // Then the comparison and the branch on it belong to line 4, the return expression
        var line4 = listing.ForLine(4).Select(i => i.Text).ToList();
        Assert.Contains("DSETP.LT.AND P0, PT, R8, R10, PT", line4);
        Assert.Contains("@P0 BRA `(.L_x_2)", line4);

        // And the call into mymin and the thread index belong to line 9, the exit to line 10
        Assert.Contains("CALL.ABS.NOINC `(_Z5myminIdERKT_S2_S2_)", listing.ForLine(9).Select(i => i.Text));
        Assert.Contains("S2R R0, SR_TID.X", listing.ForLine(9).Select(i => i.Text));
        Assert.Equal(2, listing.ForLine(10).Count(i => i.Text == "EXIT"));

        // And every instruction (those with an offset) of both functions is attributed to a line of min.cu
        var code = listing.Instructions.Where(i => i.Offset is not null).ToList();
        Assert.Equal(48 + 72, code.Count);
        Assert.All(code, i => Assert.Equal(CodeRegion.Body, i.Region));
        Assert.Equal([2, 4, 7, 9, 10], code.Select(i => i.Line!.Value).Distinct().Order());
    }

    [Fact]
    public void Should_read_branch_targets_and_exits_from_sass()
    {
        // Given the parsed listing
        var listing = Listing();

        // Then predicated branches are conditional, plain ones unconditional, EXIT and RET leave, and @!PT never branches
        var byText = listing.Instructions.Where(i => i.Offset is not null).ToLookup(i => i.Text);
        var conditional = byText["@P0 BRA `(.L_x_2)"].Single();
        Assert.Equal((ControlFlowKind.ConditionalBranch, ".L_x_2"), (conditional.Flow, conditional.TargetLabel));
        Assert.Equal(ControlFlowKind.Branch, byText["BRA `(.L_x_3)"].Single().Flow);
        Assert.All(byText["EXIT"], i => Assert.Equal(ControlFlowKind.Return, i.Flow));
        Assert.Equal(ControlFlowKind.Return, byText["RET.ABS.NODEC R20 0x0"].Single().Flow);
        Assert.All(byText["@!PT SHFL.IDX PT, RZ, RZ, RZ, RZ"], i => Assert.Equal(ControlFlowKind.Next, i.Flow));
        Assert.Equal(0x170, conditional.Offset);
        Assert.Contains(listing.Instructions, i => i.Label == ".L_x_4" && i.Region == CodeRegion.Header);
    }

    [Fact]
    public void Should_build_a_cfg_from_real_sass_with_the_diamond_and_the_trap_loops()
    {
        // Given the parsed listing
        // When its graph is built
        var graph = ControlFlowGraphBuilder.Build(Listing())!;

        // Then the branch on line 4 splits into two arms that meet again
        var branchBlock = graph.Blocks.Single(b => b.Instructions[^1] == "@P0 BRA `(.L_x_2)");
        var arms = graph.Edges.Where(e => e.From == branchBlock.Id).ToList();
        Assert.Equal(2, arms.Count);
        Assert.Contains(arms, e => e.Kind == ControlFlowEdgeKind.Conditional);

        // And each function's trailing "BRA to itself" is a self-loop back edge
        var selfLoops = graph.Edges.Where(e => e.From == e.To).ToList();
        Assert.Equal(2, selfLoops.Count);
        Assert.All(selfLoops, e => Assert.Equal(ControlFlowEdgeKind.Back, e.Kind));

        // And the kernel is one straight block carrying min.cu's lines 7, 9 and 10, which nothing falls into from
        // the device function laid out before it
        var kernel = graph.Blocks.Single(b => b.Instructions.Contains("CALL.ABS.NOINC `(_Z5myminIdERKT_S2_S2_)"));
        Assert.Equal([7, 9, 10], kernel.Lines);
        Assert.Equal("MOV R1, c[0x0][0x28]", kernel.Instructions.First(i => !i.EndsWith(':')));
        Assert.DoesNotContain(graph.Edges, e => e.To == kernel.Id);
    }
}
