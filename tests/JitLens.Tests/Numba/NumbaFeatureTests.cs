using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>Every kind of Numba function people inspect, through the real Numba, each at its own lines.</summary>
public sealed class NumbaFeatureTests(FeaturesInspection features) : IClassFixture<FeaturesInspection>
{
    private const string Fixture = FeaturesInspection.Fixture;

    [Theory]
    [InlineData("fused", "return a * b + 1.0", "fmul")]
    [InlineData("spread", "return a - b", "fsub")]
    [InlineData("row_total", "out[0] = x.sum()", "fadd")]
    [InlineData("tripled", "return x * 3.0", "fmul")]
    [InlineData("Box.doubled", "return self.value * 2.0", "fmul")]
    [InlineData("make_adder.<locals>.adder", "return x + k", "fadd")]
    [InlineData("cached", "return x * 7.0", "fmul")]
    public void Should_show_each_kind_of_Numba_function_with_its_arithmetic_at_its_line(string function, string line, string operation)
    {
        // Given @vectorize with and without signatures, @guvectorize, @cfunc, a @jitclass method, an @njit closure made
        // by a factory and an @njit(cache=True) function, each called in the file
        var at = NumbaFixtures.LineOf(Fixture, line);

        // When JitLens inspects the file
        var unit = features.Unit(function);

        // Then the function's line owns its arithmetic in the LLVM IR, and machine code in the asm
        Assert.Contains(NumbaFixtures.TextsOn(unit, "llvm", at), t => t.Contains(operation, StringComparison.Ordinal));
        Assert.NotEmpty(NumbaFixtures.TextsOn(unit, "asm", at));
        Assert.NotEmpty(NumbaFixtures.TextsOn(unit, "bytecode", at));
    }

    [Fact]
    public void Should_show_an_overload_implementation_as_its_own_unit_and_at_its_lines_where_it_was_inlined()
    {
        // Given uses_helpers(), which calls clamp() (implemented by an @overload), an inner function and a factory's closure
        var implementation = NumbaFixtures.LineOf(Fixture, "        return min(max(x, 0.0), 1.0)");
        var call = NumbaFixtures.LineOf(Fixture, "return clamp(squared(x)) + add_three(x)");
        var inner = NumbaFixtures.LineOf(Fixture, "return y * y");

        // When JitLens inspects the file
        var overload = features.Unit("clamp_overload.<locals>.clamp_impl");
        var caller = features.Unit("uses_helpers");

        // Then the @overload's implementation is a unit of its own, and the caller shows it inlined at its call,
        // with the inner function's multiply at the inner function's line
        Assert.NotEmpty(NumbaFixtures.TextsOn(overload, "llvm", implementation));
        Assert.Contains(caller.Views["llvm"].ForLine(implementation), i => i.InlinedAt == call);
        Assert.Contains(NumbaFixtures.TextsOn(caller, "llvm", inner), t => t.Contains("fmul", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_note_a_function_compiled_in_object_mode()
    {
        // Given in_object_mode(), compiled with forceobj=True
        // When JitLens inspects the file
        var unit = features.Unit("in_object_mode");

        // Then its unit says it runs in object mode, through the Python C API
        Assert.Contains(unit.Notes, n => n.Contains("object mode", StringComparison.Ordinal) && n.Contains("Python C API", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_every_function_of_the_file_in_source_order_without_problems()
    {
        // Given the file with every kind of function
        // When JitLens inspects it
        var names = features.Result.Methods.Select(m => m.Name[..m.Name.IndexOf('(', StringComparison.Ordinal)]).ToList();

        // Then each appears once, in the order of the file, and nothing was noted as a problem
        Assert.Equal(
            ["fused", "spread", "row_total", "tripled", "Box.__init__", "Box.doubled", "clamp_overload.<locals>.clamp_impl", "make_adder.<locals>.adder", "uses_helpers", "cached", "in_object_mode"],
            names);
        Assert.Empty(features.Result.Notes);
    }

    [Fact]
    public void Should_show_exactly_the_LLVM_IR_and_asm_of_the_normal_build_for_every_kind_of_function()
    {
        // Given the file built by Numba the normal way (every function the file can name: all but the @overload's), in
        // nopython mode (object mode is left out: its listing differed in the order of Py_DecRef calls, not resolved)
        var path = NumbaFixtures.PathOf(Fixture);
        var anywhere = new JitLens.Numba.LineScope(0, 0, int.MaxValue);

        // When each of JitLens's units is set beside the normal build's signature of the same name
        var compared = 0;
        foreach (var unit in features.Result.Methods)
        {
            if (!features.Normal.TryGetValue(NormalBuild.ComparableName(unit.Name), out var normal) || unit.Name.StartsWith("in_object_mode(", StringComparison.Ordinal))
            {
                continue;
            }

            var llvm = JitLens.Numba.LlvmIrListing.Build(normal.Llvm, normal.FunctionName, path, anywhere);
            var asm = JitLens.Numba.X86AsmListing.Build(normal.Asm, normal.FunctionName, path, anywhere, new Dictionary<int, int>());

            // Then the LLVM IR and asm are equal instruction for instruction (debug metadata and addresses masked)
            Assert.True(llvm.Instructions.Count > 2, $"{unit.Name}: the normal build has no LLVM function {normal.FunctionName}");
            Assert.Equal(Comparable(llvm), Comparable(unit.Views["llvm"]));
            Assert.Equal(Comparable(asm), Comparable(unit.Views["asm"]));
            compared++;
        }

        Assert.Equal(features.Normal.Count - 1, compared);
        Assert.Equal(features.Result.Methods.Count - 2, compared);
    }

    private static List<(string, string?)> Comparable(JitLens.Model.CodeListing listing) =>
        listing.Instructions.Select(i => (NormalBuild.Comparable(i.Text), i.Label)).ToList();
}
