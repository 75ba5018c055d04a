using System.Diagnostics;
using JitLens.Cfg;
using JitLens.Model;
using JitLens.Processes;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>A summing loop compiled for two signatures, through the real Numba.</summary>
public sealed class NumbaLoopTests(LoopInspection loop) : IClassFixture<LoopInspection>
{
    private const string Fixture = "loop.py";

    [Fact]
    public void Should_give_the_loop_body_line_the_floating_point_add_in_every_view()
    {
        // Given a loop whose body is `acc += values[i]`, called with a float64 array
        var body = NumbaFixtures.LineOf(Fixture, "acc += values[i]");

        // When JitLens inspects the file (once, shared by these tests)
        var result = loop.Result;

        // Then the float64 unit's body line owns the add in bytecode, Numba IR, LLVM IR and asm
        var unit = Assert.Single(result.Methods, m => m.Signature == "float64(array(float64, 1d, C))");
        Assert.Contains(NumbaFixtures.TextsOn(unit, "bytecode", body), t => t.Contains("BINARY_OP", StringComparison.Ordinal) && t.Contains("+=", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "numba_ir", body), t => t.Contains("inplace_binop", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "llvm", body), t => t.Contains("= fadd double", StringComparison.Ordinal));
        Assert.Contains(NumbaFixtures.TextsOn(unit, "asm", body), t => t.StartsWith("vaddsd", StringComparison.Ordinal) || t.StartsWith("addsd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_name_the_cpu_numbas_codegen_compiled_for_as_the_arch_not_the_tools_own()
    {
        // Given what Numba's own CPU codegen says it compiles for, asked in a Python of its own
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList =
            {
                "-c",
                "from numba.core.registry import cpu_target as t; tr, cpu, f = t.target_context.codegen().magic_tuple(); print(cpu); print('avx512f' if '+avx512f' in f.split(',') else 'avx2' if '+avx2' in f.split(',') else 'none')",
            },
        };
        var python = await ChildRun.RunAsync(start, "python3", TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.True(python.ExitCode == 0 && !python.TimedOut, python.FirstErrorLine);
        var said = python.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // When the loop's units are read
        var units = loop.Result.Methods;

        // Then each names that CPU and its widest vector extension
        var expected = "x64 (Numba's target: " + said[0] + said[1] switch
        {
            "avx512f" => ", AVX-512",
            "avx2" => ", AVX2",
            _ => string.Empty,
        };
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.StartsWith(expected, u.Arch, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_both_signatures_the_file_called_as_separate_units()
    {
        // Given a file that calls total() with a float64 array and with an int64 array
        var body = NumbaFixtures.LineOf(Fixture, "acc += values[i]");

        // When JitLens inspects it
        var result = loop.Result;

        // Then there is one unit per signature, named after its arguments, each with its own code for the body line
        Assert.Equal(
            ["float64(array(float64, 1d, C))", "float64(array(int64, 1d, C))"],
            result.Methods.Select(m => m.Signature).Order(StringComparer.Ordinal));
        var ints = Assert.Single(result.Methods, m => m.Name == "total(array(int64, 1d, C))");
        Assert.Equal("numba-O3", ints.Tier);
        Assert.Contains(NumbaFixtures.TextsOn(ints, "llvm", body), t => t.Contains("sitofp", StringComparison.Ordinal) || t.Contains("fadd", StringComparison.Ordinal));
        Assert.NotEmpty(NumbaFixtures.TextsOn(ints, "asm", body));
    }

    [Fact]
    public void Should_label_the_loop_in_the_asm_so_a_CFG_can_be_cut_from_it()
    {
        // Given the loop compiled to x86-64
        // When JitLens inspects it
        var result = loop.Result;

        // Then some conditional jump goes back to a label the listing defines (the loop's back edge)
        var asm = result.Methods[0].Views["asm"].Instructions;
        var labels = asm.Where(i => i.Label is not null).Select((i, index) => (i.Label, Index: asm.ToList().IndexOf(i))).ToDictionary(l => l.Label!, l => l.Index);
        Assert.Contains(asm.Select((i, index) => (i, index)), x =>
            x.i.Flow == ControlFlowKind.ConditionalBranch && x.i.TargetLabel is { } target && labels.TryGetValue(target, out var at) && at <= x.index);
        Assert.Equal(ControlFlowKind.Return, asm.Last(i => i.Flow != ControlFlowKind.Next).Flow);
    }

    [Fact]
    public void Should_let_the_shared_CFG_builder_find_the_loop_in_the_asm()
    {
        // Given the loop compiled to x86-64
        var body = NumbaFixtures.LineOf(Fixture, "acc += values[i]");

        // When JitLens inspects it and the generic CFG builder reads the asm view
        var result = loop.Result;
        var graph = ControlFlowGraphBuilder.Build(result.Methods[0].Views["asm"]);

        // Then the graph has a back edge and a block that holds the loop body's line
        Assert.NotNull(graph);
        Assert.Contains(graph.Edges, e => e.Kind == ControlFlowEdgeKind.Back);
        Assert.Contains(graph.Blocks, b => b.Lines.Contains(body));
    }
}
