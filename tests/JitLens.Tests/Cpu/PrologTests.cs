using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>Only what the unwind info calls prolog is listed as prolog; the code after it sits under its line.</summary>
public sealed class PrologTests
{
    [Fact]
    public async Task Should_show_the_code_after_the_unwind_prolog_under_the_first_line_when_the_map_has_no_entry_for_il_offset_0()
    {
        // Given a static property whose getter allocates an array (the runtime's map has no entry for IL offset 0 there,
        // so its prolog range runs over the allocation), and a constructor whose first statement stores a field
        const string source = """
            public sealed class Stock
            {
                private readonly double _price;

                public Stock(double price) => _price = price;

                public static int[] Empty => new int[3];
            }
            """;

        // When it is inspected
        var result = await CSharpInspection.RunAsync("Stock.cs", source);
        var getter = result.Method("Stock.get_Empty(").Views["asm"];
        var ctor = result.Method("Stock..ctor(").Views["asm"];

        // Then the getter's prolog is at most the frame set-up, and the allocation helper's call sits under the getter's line
        var line = CSharpInspection.LineOf(source, "int[] Empty");
        var prolog = getter.InRegion(CodeRegion.Prolog).Select(i => i.Text).ToList();
        Assert.True(prolog.Count <= 1 && prolog.All(i => i.StartsWith("push", StringComparison.Ordinal) || i.StartsWith("sub rsp", StringComparison.Ordinal)), string.Join(" | ", prolog));
        Assert.Contains(getter.ForLine(line), i => i.Text.StartsWith("call", StringComparison.Ordinal) && i.Text.Contains("NEWARR", StringComparison.Ordinal));

        // And a constructor without a frame has no prolog at all: its store is under its line
        Assert.Empty(ctor.InRegion(CodeRegion.Prolog));
        Assert.Contains(ctor.ForLine(CSharpInspection.LineOf(source, "public Stock(")), i => i.Text.Contains("qword ptr [rdi+8]", StringComparison.Ordinal) || i.Text.StartsWith("vmovsd", StringComparison.Ordinal));
    }
}
