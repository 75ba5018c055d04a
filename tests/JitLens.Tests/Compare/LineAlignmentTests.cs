using JitLens.Compare;
using Xunit;

namespace JitLens.Tests.Compare;

/// <summary>The text diff that matches the lines of two versions of a source.</summary>
public sealed class LineAlignmentTests
{
    [Fact]
    public void Should_pair_every_line_with_itself_when_both_sources_are_the_same()
    {
        // Given one source twice
        string[] lines = ["a", "b", "c"];

        // When they are aligned
        var alignment = LineAlignment.Of(lines, lines);

        // Then each line is paired with itself
        Assert.Equal([new(1, 1, false), new(2, 2, false), new(3, 3, false)], alignment.Steps);
    }

    [Fact]
    public void Should_shift_the_lines_below_an_insertion_and_pair_an_edited_line_with_the_one_it_replaced()
    {
        // Given a line inserted above the class, and F's line edited (indentation alone does not count)
        string[] before = ["class C", "{", "    int F() => 1;", "}"];
        string[] after = ["// header", "class C", "  {", "    int F() => 2;", "}"];

        // When they are aligned
        var alignment = LineAlignment.Of(before, after);

        // Then the inserted line stands alone, the lines below it moved down one, and F's line faces its old text as an edit
        Assert.Equal(
            [new(null, 1, false), new(1, 2, false), new(2, 3, false), new(3, 4, true), new(4, 5, false)],
            alignment.Steps);
        Assert.Equal(4, alignment.StepOfRight(5));
        Assert.Null(alignment.StepOfLeft(9));
    }
}
