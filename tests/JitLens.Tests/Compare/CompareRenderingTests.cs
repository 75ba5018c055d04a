using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JitLens.Compare.Rendering;
using Xunit;

namespace JitLens.Tests.Compare;

/// <summary>The text (plain and coloured) and JSON renderings of a comparison of two tiers of a real loop.</summary>
public sealed class CompareRenderingTests : IClassFixture<CompareFixture>
{
    private readonly CompareFixture _fixture;

    public CompareRenderingTests(CompareFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Should_put_the_two_sides_in_columns_on_a_wide_terminal()
    {
        // Given a terminal as wide as two listings
        var width = CompareRenderOptions.TwoColumnWidth + 20;

        // When the comparison is written as text
        var lines = Render("text", width).Split('\n');

        // Then the loop body's line stands on both sides of one row, and no row is wider than the terminal
        Assert.Contains(lines, l => l.Split(" │ ") is [var left, var right] && left.Contains("total += data[i];", StringComparison.Ordinal) && right.Contains("total += data[i];", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= width, l));
    }

    [Fact]
    public void Should_write_the_sides_one_under_the_other_on_a_narrow_terminal()
    {
        // Given an 80-column terminal
        const int width = 80;

        // When the comparison is written as text
        var text = Render("text", width);

        // Then there are no columns: the left side's code is given as - lines and the right side's as + lines, under a
        // changed loop line that states its delta
        Assert.DoesNotContain(" │ ", text, StringComparison.Ordinal);
        Assert.Contains("\n       - asm  ", text, StringComparison.Ordinal);
        Assert.Contains("\n       + asm  ", text, StringComparison.Ordinal);
        var body = CompareFixture.LineOf(CompareFixture.Before, "total += data[i]").ToString(CultureInfo.InvariantCulture);
        Assert.Matches($@"\n\* +{body} → {body} \| +total \+= data\[i\];.*asm \d+ → \d+ \(-\d+\)", text);
    }

    [Fact]
    public void Should_give_each_line_both_sides_counts_sizes_and_deltas_in_json()
    {
        // Given the comparison of the two tiers
        var body = CompareFixture.LineOf(CompareFixture.Before, "total += data[i]");

        // When it is written as JSON
        using var json = JsonDocument.Parse(Render("json", 80));

        // Then the document names its sides, and the loop line carries the asm counts, bytes and deltas of both
        var root = json.RootElement;
        Assert.Equal("tier0", root.GetProperty("left").GetProperty("label").GetString());
        Assert.Equal("optimized", root.GetProperty("right").GetProperty("label").GetString());
        var unit = Assert.Single(root.GetProperty("units").EnumerateArray());
        Assert.Equal("Tier0", unit.GetProperty("left").GetProperty("tier").GetString());
        Assert.True(unit.GetProperty("codeSizeDelta").GetInt32() < 0);
        var line = unit.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("left").ValueKind == JsonValueKind.Object && l.GetProperty("left").GetProperty("line").GetInt32() == body);
        Assert.Equal(body, line.GetProperty("right").GetProperty("line").GetInt32());
        Assert.True(line.GetProperty("changed").GetBoolean());
        var asm = line.GetProperty("views").GetProperty("asm");
        var left = asm.GetProperty("left");
        var right = asm.GetProperty("right");
        Assert.Equal(right.GetProperty("count").GetInt32() - left.GetProperty("count").GetInt32(), asm.GetProperty("countDelta").GetInt32());
        Assert.Equal(right.GetProperty("bytes").GetInt32() - left.GetProperty("bytes").GetInt32(), asm.GetProperty("bytesDelta").GetInt32());
        Assert.Equal(left.GetProperty("count").GetInt32(), left.GetProperty("code").GetArrayLength());
        Assert.Empty(root.GetProperty("leftOnly").EnumerateArray());
    }

    [Theory]
    [InlineData(80)]
    [InlineData(CompareRenderOptions.TwoColumnWidth + 20)]
    public void Should_colour_changed_code_red_and_green_and_deltas_yellow_for_a_colour_terminal_and_nothing_else(int width)
    {
        // Given the plain text of the comparison, unified or in two columns
        var plain = Render("text", width);

        // When it is rendered for a colour terminal
        var coloured = Render("text", width, colour: true);

        // Then the left side's changed asm is red, the right side's green, the deltas yellow, the unit's name bold yellow
        Assert.Matches("\u001b\\[31m {7,8}-? ?asm  ", coloured);
        Assert.Matches("\u001b\\[32m {7,8}\\+? ?asm  ", coloured);
        Assert.Matches("\u001b\\[33m( {7}Δ )?[^\u001b]*asm \\d+ → \\d+ \\(-\\d+\\)", coloured);
        Assert.Contains("\u001b[1;33m== ", coloured, StringComparison.Ordinal);

        // And taking the escape codes out gives back the plain text exactly
        Assert.Equal(plain, Regex.Replace(coloured, "\u001b\\[[0-9;]*m", string.Empty));
        Assert.DoesNotContain('\u001b', plain);
    }

    private string Render(string format, int width, bool colour = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CompareRendererCatalog.Find(format)!.Render(_fixture.Tiers, writer, new CompareRenderOptions { Width = width, Color = colour });
        return writer.ToString();
    }
}
