using System.Text.Json;
using JitLens.Model;
using JitLens.Rendering;
using JitLens.Tests.Cpu;
using Xunit;

namespace JitLens.Tests.Rendering;

/// <summary>The text view shows each exit where the JIT emitted it, in emission order, on real JIT output.</summary>
public sealed class TextExitsTests : IClassFixture<TextExitsTests.Inspection>
{
    private readonly InspectionResult _result;

    public TextExitsTests(Inspection inspection)
    {
        _result = inspection.Result;
    }

    [Fact]
    public void Should_list_a_one_line_methods_code_and_both_its_exits_in_emission_order_under_the_line()
    {
        // Given a one-line method whose two branches each return (two epilogs)
        var pick = _result.Method("Exits.Pick(");
        var listing = pick.Views["asm"].Instructions.Where(i => i.Region != CodeRegion.Prolog).ToList();
        Assert.Equal(2, listing.Count(i => i.Region == CodeRegion.Epilog && i.Text == "ret"));

        // When it is rendered as text
        var text = Render(pick);

        // Then under its line the asm is the whole listing in emission order, each epilog marked in place
        var expected = listing.Select(i => (i.Region == CodeRegion.Epilog ? "(epilog) " : string.Empty) + (i.Label is { } l ? l + ": " : string.Empty) + i.Text);
        Assert.Equal(expected, AsmUnder(text, "// two rets"));

        // And there is no separate epilog section that would make the first branch seem to fall into the second
        Assert.DoesNotContain("      (epilog)", text);
    }

    [Fact]
    public void Should_show_an_early_return_and_its_epilog_under_the_line_it_returns_from()
    {
        // Given a method that returns early from inside an if
        var classify = _result.Method("Exits.Classify(");

        // When it is rendered as text
        var asm = AsmUnder(Render(classify), "// early exit");

        // Then the early exit's line ends with its own epilog's ret, right after its code
        Assert.NotEmpty(asm);
        Assert.Equal("(epilog) ret", asm[^1]);
        Assert.Contains(asm, i => !i.StartsWith("(epilog)", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_tie_each_epilog_to_the_line_whose_code_the_jit_emitted_before_it()
    {
        // Given the asm of a method with an early and a late exit
        var instructions = _result.Method("Exits.Classify(").Views["asm"].Instructions;

        // Then every epilog instruction names the line of the last body instruction before it
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Region == CodeRegion.Epilog)
            {
                var before = instructions.Take(i).Last(x => x.Region == CodeRegion.Body);
                Assert.Equal(before.Line, instructions[i].FollowsLine);
            }
            else
            {
                Assert.Null(instructions[i].FollowsLine);
            }
        }
    }

    [Fact]
    public void Should_keep_the_json_contract_with_epilogs_in_regions_and_not_in_lines()
    {
        // Given the method with two exits
        var classify = _result.Method("Exits.Classify(");
        var epilog = classify.Views["asm"].InRegion(CodeRegion.Epilog).Select(i => i.Text).ToList();

        // When it is rendered as JSON
        using var output = new StringWriter();
        var only = new InspectionResult();
        only.Methods.Add(classify);
        RendererCatalog.Find("json")!.Render(only, output, new RenderOptions { Views = ["asm"] });
        using var json = JsonDocument.Parse(output.ToString());
        var method = json.RootElement.GetProperty("methods")[0];

        // Then lines[].asm hold only body code, and the epilogs are still listed under regions
        var lineAsm = method.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("asm").EnumerateArray()).Select(e => e.GetString()).ToList();
        Assert.Equal(classify.Views["asm"].Instructions.Count(i => i.Region == CodeRegion.Body), lineAsm.Count);
        var region = method.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "epilog");
        Assert.Equal(epilog, region.GetProperty("asm").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Should_split_a_lines_code_into_runs_where_other_code_sits_between()
    {
        // Given a loop header line (1) whose code is split by the body (2), and an epilog after the loop's back jump
        var listing = new CodeListing("asm",
        [
            new("test ecx, ecx", 1),
            new("jle L0010", 1) { Flow = ControlFlowKind.ConditionalBranch, TargetLabel = "L0010" },
            new("add eax, 1", 2) { Label = "L0008" },
            new("dec ecx", 1),
            new("jne L0008", 1) { Flow = ControlFlowKind.ConditionalBranch, TargetLabel = "L0008" },
            new("ret", null, CodeRegion.Epilog) { Label = "L0010", Flow = ControlFlowKind.Return, FollowsLine = 1 },
        ]);

        // When the runs of line 1 are taken
        var runs = listing.RunsForLine(1);

        // Then there are two: before the body, and after it with the exit
        Assert.Equal(2, runs.Count);
        Assert.Equal(["test ecx, ecx", "jle L0010"], runs[0].Select(i => i.Text));
        Assert.Equal(["dec ecx", "jne L0008", "ret"], runs[1].Select(i => i.Text));
        Assert.Equal(["add eax, 1"], Assert.Single(listing.RunsForLine(2)).Select(i => i.Text));
        Assert.Empty(listing.OutsideLines(CodeRegion.Epilog));
    }

    [Fact]
    public void Should_show_a_funclets_prolog_apart_from_the_methods_own_prolog()
    {
        // Given a method's prolog, its line's code, and a finally funclet that opens with a prolog of its own
        var unit = new InspectedUnit("Exits.WithFinally()", UnitKind.CpuMethod, new SourceDocument("Exits.cs", ["return 1;"], "csharp"));
        unit.AddView(new CodeListing("asm",
        [
            new("push rbp", null, CodeRegion.Prolog),
            new("sub rsp, 0x10", null, CodeRegion.Prolog),
            new("mov eax, 1", 1),
            new("ret", null, CodeRegion.Epilog) { Flow = ControlFlowKind.Return, FollowsLine = 1 },
            new("push rax", null, CodeRegion.Prolog),
            new("nop", 1),
        ]));

        // When its prolog runs are taken and it is rendered as text
        var runs = unit.Views["asm"].RunsOutsideLines(CodeRegion.Prolog);
        var lines = Render(unit).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        // Then the two prologs are two runs, and the text marks the gap between them
        Assert.Equal([["push rbp", "sub rsp, 0x10"], ["push rax"]], runs.Select(r => r.Select(i => i.Text).ToArray()).ToArray());
        var prolog = lines.SkipWhile(l => l.Trim() != "(prolog)").Skip(1).TakeWhile(l => l.StartsWith("        asm  ", StringComparison.Ordinal)).Select(l => l["        asm  ".Length..]);
        Assert.Equal(["push rbp", "sub rsp, 0x10", "...", "push rax"], prolog);
    }

    private static string Render(InspectedUnit unit)
    {
        var only = new InspectionResult();
        only.Methods.Add(unit);
        using var output = new StringWriter();
        RendererCatalog.Find("text")!.Render(only, output, new RenderOptions { Views = ["asm"] });
        return output.ToString();
    }

    /// <summary>The asm lines (without the view column) printed under the source line containing <paramref name="marker"/>.</summary>
    private static List<string> AsmUnder(string text, string marker)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.Contains(" | ", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal));
        Assert.True(start >= 0, text);
        return lines.Skip(start + 1)
            .TakeWhile(l => l.StartsWith("        asm  ", StringComparison.Ordinal))
            .Select(l => l["        asm  ".Length..])
            .ToList();
    }

    /// <summary>One real compile and JIT of <see cref="ExitsSource"/> for the class.</summary>
    public sealed class Inspection : IAsyncLifetime
    {
        public InspectionResult Result { get; private set; } = new();

        public async Task InitializeAsync() => Result = await CSharpInspection.RunAsync("Exits.cs", ExitsSource.Text);

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
