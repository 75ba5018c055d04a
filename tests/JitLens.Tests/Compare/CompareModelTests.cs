using JitLens.Compare;
using JitLens.Model;
using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Compare;

/// <summary>The comparison model on real JIT output: two tiers of one file, and two edits of it.</summary>
public sealed class CompareModelTests : IClassFixture<CompareFixture>
{
    private readonly CompareFixture _fixture;

    public CompareModelTests(CompareFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Should_show_fewer_instructions_and_bytes_on_the_loop_line_when_optimized_than_at_tier0()
    {
        // Given the loop at Tier0 (left) and optimized (right)
        var unit = Assert.Single(_fixture.Tiers.Units);
        var body = CompareFixture.LineOf(CompareFixture.Before, "total += data[i]");

        // When the loop body's row is read
        var row = Assert.Single(unit.Lines, l => l.LeftLine == body);
        var asm = Assert.Single(row.Views, v => v.View == "asm");

        // Then both sides are the same line, the optimized side has fewer instructions and bytes, and the row is changed
        Assert.Equal(body, row.RightLine);
        Assert.False(row.SourceChanged);
        Assert.True(asm.CountDelta < 0, $"tier0 {asm.Left.Count}, optimized {asm.Right.Count}");
        Assert.True(asm.BytesDelta < 0, $"tier0 {asm.Left.Bytes} bytes, optimized {asm.Right.Bytes} bytes");
        Assert.True(row.Changed);
        Assert.True(unit.CodeSizeDelta < 0, $"code size delta {unit.CodeSizeDelta}");
        Assert.Equal(unit.Left.CodeSize, unit.Totals.Single(t => t.View == "asm").Left.Bytes);
    }

    [Fact]
    public void Should_keep_the_same_il_on_both_tiers_and_mark_no_il_change()
    {
        // Given the same method at two tiers: the IL is the compiler's, not the JIT's
        var unit = Assert.Single(_fixture.Tiers.Units);

        // When each row's IL is compared
        var il = unit.Lines.SelectMany(l => l.Views).Where(v => v.View == "il").ToList();

        // Then no row's IL changed, and the rows with IL have sizes in bytes where the next offset tells them
        Assert.NotEmpty(il);
        Assert.All(il, v => Assert.False(v.Changed, string.Join(" ", v.Left.Code)));
    }

    [Fact]
    public void Should_match_each_line_to_its_moved_counterpart_when_a_line_is_inserted_above_the_method()
    {
        // Given the file before and after an edit that inserts two lines above Sum
        var unit = Assert.Single(_fixture.Edit.Units);
        var before = CompareFixture.LineOf(CompareFixture.Before, "return total;");
        var after = CompareFixture.LineOf(CompareFixture.After, "return total;");

        // When the return's row is read
        var row = Assert.Single(unit.Lines, l => l.LeftLine == before);

        // Then it is matched through the text diff to its new line number, with the same source
        Assert.Equal(after, row.RightLine);
        Assert.NotEqual(before, after);
        Assert.False(row.SourceChanged);
        Assert.Equal(row.LeftSource.Trim(), row.RightSource.Trim());
    }

    [Fact]
    public void Should_pair_an_edited_line_with_its_old_text_and_mark_it_changed()
    {
        // Given the loop body edited from data[i] to data[i] * Scale
        var unit = Assert.Single(_fixture.Edit.Units);

        // When the rows are read
        var edited = Assert.Single(unit.Lines, l => l.RightSource.Contains("* Scale", StringComparison.Ordinal));
        var unchanged = Assert.Single(unit.Lines, l => l.LeftSource.Contains("var total = 0;", StringComparison.Ordinal));

        // Then the edited line faces its old text and is marked changed; the untouched declaration's source is not
        Assert.Contains("total += data[i];", edited.LeftSource, StringComparison.Ordinal);
        Assert.True(edited.SourceChanged);
        Assert.True(edited.Changed);
        Assert.False(unchanged.SourceChanged);
        Assert.Equal(CompareFixture.LineOf(CompareFixture.After, "var total = 0;"), unchanged.RightLine);
    }

    [Fact]
    public void Should_refuse_in_one_sentence_two_inspections_that_share_no_method()
    {
        // Given two inspections whose methods have different names
        var left = new InspectionResult();
        left.Methods.Add(new InspectedUnit("A.F()", UnitKind.CpuMethod, SourceDocument.FromText("a.cs", "class A {}", "csharp")));
        var right = new InspectionResult();
        right.Methods.Add(new InspectedUnit("B.G()", UnitKind.CpuMethod, SourceDocument.FromText("b.cs", "class B {}", "csharp")));

        // When they are compared
        var error = Assert.Throws<InspectionException>(() => InspectionComparison.Of(left, right, "a.cs", "b.cs", []));

        // Then one sentence names both sides
        Assert.Equal("a.cs and b.cs share no method: there is nothing to compare.", error.Message);
    }

    [Fact]
    public void Should_match_two_signatures_of_one_function_by_its_name()
    {
        // Given one Numba-style function compiled for a different signature on each side
        var source = SourceDocument.FromText("f.py", "def f(x):\n    return x + 1\n", "python");
        var left = new InspectionResult();
        left.Methods.Add(new InspectedUnit("f(int64)", UnitKind.CpuMethod, source) { Signature = "(int64,)" });
        var right = new InspectionResult();
        right.Methods.Add(new InspectedUnit("f(float64)", UnitKind.CpuMethod, source) { Signature = "(float64,)" });

        // When they are compared
        var comparison = InspectionComparison.Of(left, right, "int64", "float64", []);

        // Then the two are one unit, and nothing is left over
        Assert.Equal("f(int64)", Assert.Single(comparison.Units).Right.Name.Replace("float64", "int64", StringComparison.Ordinal));
        Assert.Empty(comparison.LeftOnly);
        Assert.Empty(comparison.RightOnly);
    }
}
