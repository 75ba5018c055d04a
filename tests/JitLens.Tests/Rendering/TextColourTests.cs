using JitLens.Model;
using JitLens.Rendering;
using Xunit;

namespace JitLens.Tests.Rendering;

/// <summary>The text format colours its layout for a terminal and writes plain text everywhere else.</summary>
public sealed class TextColourTests
{
    private static InspectionResult OneMethod()
    {
        var result = new InspectionResult();
        var method = new InspectedUnit("Demo.Add(int, int)", UnitKind.CpuMethod, SourceDocument.FromText("Demo.cs", "return a + b;", "csharp"));
        method.AddView(new CodeListing("asm", [new CodeInstruction("lea eax, [rdi+rsi]", 1), new CodeInstruction("ret", 1)]));
        result.Methods.Add(method);
        return result;
    }

    private static string Render(bool colour)
    {
        using var output = new StringWriter();
        RendererCatalog.Find("text")!.Render(OneMethod(), output, new RenderOptions { Color = colour });
        return output.ToString();
    }

    [Fact]
    public void Should_colour_the_same_text_with_ansi_codes_when_the_output_is_a_colour_terminal()
    {
        // Given the plain rendering of a method
        var plain = Render(colour: false);

        // When it is rendered for a colour terminal
        var coloured = Render(colour: true);

        // Then the header is bold yellow, and taking the escape codes out gives back the plain text exactly
        Assert.Contains("\u001b[1;33m== Demo.Add(int, int)", coloured, StringComparison.Ordinal);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(coloured, "\u001b\\[[0-9;]*m", string.Empty));
    }

    [Fact]
    public void Should_write_no_escape_codes_when_the_output_is_not_a_terminal()
    {
        // Given a method, When it is rendered without colour
        var plain = Render(colour: false);

        // Then the text holds its code and no escape character
        Assert.Contains("lea eax, [rdi+rsi]", plain, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', plain);
    }
}
