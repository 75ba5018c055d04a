using System.Runtime.Intrinsics;
using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>What the real JIT makes of typical code, seen per source line.</summary>
public sealed class OptimizedCodeTests : IClassFixture<OptimizedCodeFixture>
{
    private readonly OptimizedCodeFixture _fixture;

    public OptimizedCodeTests(OptimizedCodeFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Should_show_no_bounds_check_when_the_loop_runs_to_the_array_length()
    {
        // Given a loop from 0 to data.Length
        var unit = _fixture.Result.Method("Probe.Code.SumAll(");

        // When we look at its optimized code
        var asm = unit.Asm();

        // Then the JIT removed the range check: no throw helper, and the body line loads the element directly
        Assert.DoesNotContain(asm, i => i.Contains("IndexOutOfRange", StringComparison.Ordinal) || i.Contains("RNGCHKFAIL", StringComparison.Ordinal));
        Assert.Contains(unit.AsmOfLine(OptimizedCodeFixture.Line("sum-all body")), i => i.StartsWith("add ", StringComparison.Ordinal));
        Assert.Equal("FullOpts", unit.Tier);
    }

    [Fact]
    public void Should_keep_the_bounds_check_when_the_loop_strides_by_a_variable_step()
    {
        // Given a loop that steps by a parameter
        var unit = _fixture.Result.Method("Probe.Code.SumStrided(");

        // When we look at its optimized code
        var asm = unit.Asm();

        // Then a range check compares the index with the length and calls the throw helper on failure
        Assert.Contains(asm, i => i.StartsWith("call ", StringComparison.Ordinal) && (i.Contains("IndexOutOfRange", StringComparison.Ordinal) || i.Contains("RNGCHKFAIL", StringComparison.Ordinal)));
        Assert.Contains(unit.AsmOfLine(OptimizedCodeFixture.Line("strided body")), i => i.StartsWith("cmp ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_compile_a_dense_switch_to_a_jump_table()
    {
        // Given a switch over eight consecutive cases
        var unit = _fixture.Result.Method("Probe.Code.Dense(");

        // When we look at its optimized code
        var jumps = unit.Views["asm"].Instructions.Where(i => i.Text.StartsWith("jmp ", StringComparison.Ordinal)).ToList();

        // Then it jumps through a register loaded from a table, and the jump carries the table's eight distinct cases
        var indirect = Assert.Single(jumps, i => i.Text.Split("  ;")[0] is "jmp rax" or "jmp rcx" or "jmp rdx" or "jmp rsi" or "jmp rdi" or "jmp r8" or "jmp r9" or "jmp r10" or "jmp r11");
        Assert.Equal(ControlFlowKind.Branch, indirect.Flow);
        Assert.Null(indirect.TargetLabel);
        Assert.Equal(8, indirect.SwitchTargetLabels.Distinct().Count());
    }

    [Fact]
    public void Should_use_simd_registers_for_vector128_and_vector256_arithmetic()
    {
        // Given Vector128 and Vector256 arithmetic
        var mul = _fixture.Result.Method("Probe.Code.Mul128(");
        var add = _fixture.Result.Method("Probe.Code.Add256(");

        // Then the Vector128 multiply is one packed-single multiply on xmm registers
        Assert.Contains(mul.AsmOfLine(OptimizedCodeFixture.Line("// v128")), i => i.Contains("mulps", StringComparison.Ordinal) && i.Contains("xmm", StringComparison.Ordinal));

        // And, where the CPU has AVX2, the Vector256 add is a packed add on ymm registers
        if (Vector256.IsHardwareAccelerated)
        {
            Assert.Contains(add.AsmOfLine(OptimizedCodeFixture.Line("// v256")), i => i.StartsWith("vpaddd", StringComparison.Ordinal) && i.Contains("ymm", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Should_show_the_generic_instantiation_the_code_uses()
    {
        // Given a generic method called with long arguments
        // When the tool JITs the instantiations the code uses
        var unit = _fixture.Result.Method("Probe.Code.Largest<long>(");

        // Then the long instantiation is there, with a 64-bit compare on the method's line
        Assert.Equal("Probe.Code.Largest<long>(long, long)", unit.Name);
        Assert.Contains(unit.AsmOfLine(OptimizedCodeFixture.Line("// generic")), i => i.StartsWith("cmp r", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_attribute_a_lambda_to_the_line_that_declares_it()
    {
        // Given a lambda capturing a parameter
        var lambda = _fixture.Result.Methods.Single(m => m.Name.Contains("<Adder>b__", StringComparison.Ordinal));

        // Then its code sits on the lambda's line, as an add
        var line = OptimizedCodeFixture.Line("// lambda");
        Assert.Equal([line], lambda.Lines().Select(l => l.Line));
        Assert.Contains(lambda.AsmOfLine(line), i => i.StartsWith("add ", StringComparison.Ordinal) || i.StartsWith("lea ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_attribute_an_async_method_and_its_state_machine_to_the_user_lines()
    {
        // Given an async method
        var moveNext = _fixture.Result.Methods.Single(m => m.Name.Contains("<TwiceAsync>", StringComparison.Ordinal) && m.Name.EndsWith("MoveNext()", StringComparison.Ordinal));
        var kickoff = _fixture.Result.Method("Probe.Code.TwiceAsync(");

        // Then the state machine's IL for "return x * 2" sits on that line, and the kick-off method has native code
        var line = OptimizedCodeFixture.Line("// async result");
        Assert.Contains(moveNext.Views["il"].ForLine(line), i => i.Text.EndsWith(": mul", StringComparison.Ordinal));
        Assert.NotEmpty(kickoff.Asm());

        // And the state machine (a struct, reached through its unboxing stub) has native code on that line too
        Assert.NotEmpty(moveNext.AsmOfLine(line));
    }

    [Fact]
    public void Should_run_the_static_constructor_and_show_its_code_on_the_initializer_line()
    {
        // Given a static field with an initializer
        var cctor = _fixture.Result.Method("Probe.Code..cctor(");
        var read = _fixture.Result.Method("Probe.Code.FromTable(");

        // Then the static constructor's code sits on the initializer's line
        Assert.Contains(cctor.Views["il"].ForLine(OptimizedCodeFixture.Line("Table =")), i => i.Text.Contains("stsfld Probe.Code.Table", StringComparison.Ordinal));
        Assert.NotEmpty(cctor.AsmOfLine(OptimizedCodeFixture.Line("Table =")));

        // And because it already ran, reading the field needs no class-initialisation helper
        Assert.DoesNotContain(read.Asm(), i => i.Contains("CORINFO_HELP_GETSHARED", StringComparison.Ordinal) || i.Contains("CLASSINIT", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_keep_prolog_and_epilog_code_labelled_as_such()
    {
        // Given any method that saves registers
        var unit = _fixture.Result.Method("Probe.Code.SumStrided(");

        // Then nothing is dropped: every native byte is listed, and the frame code is in the prolog/epilog regions
        var asm = unit.Views["asm"].Instructions;
        Assert.Contains(asm, i => i.Region == CodeRegion.Epilog && i.Text == "ret");
        Assert.All(asm.Where(i => i.Region == CodeRegion.Body), i => Assert.NotNull(i.Line));
        Assert.True(unit.CodeSize > 0);
    }

    [Fact]
    public void Should_label_branch_targets_so_that_a_cfg_can_be_built()
    {
        // Given a loop
        var asm = _fixture.Result.Method("Probe.Code.SumAll(").Views["asm"].Instructions;

        // Then every internal branch names a label that an instruction of the method carries
        var labels = asm.Where(i => i.Label is not null).Select(i => i.Label).ToHashSet();
        var branches = asm.Where(i => i.Flow is ControlFlowKind.ConditionalBranch || (i.Flow is ControlFlowKind.Branch && i.TargetLabel is not null)).ToList();
        Assert.NotEmpty(branches);
        Assert.All(branches, b => Assert.Contains(b.TargetLabel, labels));
        Assert.Contains(asm, i => i.Flow == ControlFlowKind.Return);
    }

    [Fact]
    public void Should_name_callees_that_are_not_compiled_yet()
    {
        // Given a method whose call goes through a stub to a framework method not yet compiled
        var asm = _fixture.Result.Method("Probe.Code.Adder(").Asm().Concat(_fixture.Result.Method("Probe.Code..cctor(").Asm());

        // Then the callee is named (through its precode stub), not shown as a raw address
        Assert.Contains(asm, i => (i.StartsWith("call ", StringComparison.Ordinal) || i.StartsWith("jmp ", StringComparison.Ordinal)) && i.Contains("System.Linq.Enumerable.", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_resolve_il_operands_to_names()
    {
        // Given a method reading an array field
        var il = _fixture.Result.Method("Probe.Code.FromTable(").Views["il"].Instructions.Select(i => i.Text).ToList();

        // Then the field operand reads as a name, and offsets read IL_xxxx
        Assert.Contains("IL_0000: ldsfld Probe.Code.Table", il);
        Assert.Contains(il, i => i.EndsWith(": ldelem.i4", StringComparison.Ordinal));
    }
}
