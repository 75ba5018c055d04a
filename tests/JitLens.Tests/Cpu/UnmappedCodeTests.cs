using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>Code the IL→native map leaves without a line goes where the question is obvious; only the rest stays unmapped.</summary>
public sealed class UnmappedCodeTests
{
    private const string Source = """
        public static class Lookup
        {
            public static int Pick(int[] values, int index)
            {
                return values[index];
            }

            public static string Size(int n)
            {
                switch (n)
                {
                    case 0: return "none";
                    case 1: return "one";
                    case 2: return "two";
                    case 3: return "three";
                    case 4: return "four";
                    default: return "many";
                }
            }

            public static int Month(string name)
            {
                switch (name)
                {
                    case "january": return 1;
                    case "february": return 2;
                    case "march": return 3;
                    case "april": return 4;
                    case "may": return 5;
                    case "june": return 6;
                    case "july": return 7;
                    default: return 0;
                }
            }
        }
        """;

    [Fact]
    public async Task Should_show_throw_paths_under_their_check_and_switch_dispatch_under_the_switch()
    {
        // Given a kept bounds check, a dense int switch statement and a string switch
        // When they are inspected
        var result = await CSharpInspection.RunAsync("Lookup.cs", Source);
        var pick = result.Method("Lookup.Pick(").Views["asm"];
        var size = result.Method("Lookup.Size(").Views["asm"];
        var month = result.Method("Lookup.Month(").Views["asm"];

        // Then the bounds check's throw call is the cold throw path under the line whose compare branches to it
        var pickLine = CSharpInspection.LineOf(Source, "return values[index];");
        var runs = pick.RunsForLine(pickLine).SelectMany(r => r).ToList();
        Assert.Contains(runs, i => i.Region == CodeRegion.ThrowPath && i.Text.Contains("ThrowIndexOutOfRange", StringComparison.Ordinal));
        Assert.Contains(runs, i => i.Region == CodeRegion.Body && i.Text.StartsWith("cmp ", StringComparison.Ordinal));

        // And the int switch's jump table dispatch sits under its switch line, marked as compiler-generated dispatch
        var sizeSwitch = CSharpInspection.LineOf(Source, "switch (n)");
        Assert.Contains(size.RunsForLine(sizeSwitch).SelectMany(r => r), i => i.Region == CodeRegion.Dispatch && i.Text.Contains("jump table", StringComparison.Ordinal));

        // And most of the string switch's dispatch sits under its switch line; what truly has no line stays unmapped
        var monthSwitch = CSharpInspection.LineOf(Source, "switch (name)");
        var dispatch = month.RunsForLine(monthSwitch).SelectMany(r => r).Count(i => i.Region == CodeRegion.Dispatch);
        var unmapped = month.InRegion(CodeRegion.Unmapped).Count();
        Assert.True(dispatch > unmapped && dispatch >= 10, $"{dispatch} dispatch instructions under the switch, {unmapped} unmapped:\n{string.Join('\n', month.Instructions.Select(i => $"{i.Region} {i.Line} {i.Text}"))}");
    }
}
