using JitLens.Model;
using JitLens.Numba;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>
/// The code JitLens shows is the code that runs: for every function, signature and parfor kernel of a file with
/// calls between @njit functions, a loop LLVM vectorises and parallel=True, the LLVM IR and asm listings equal,
/// instruction for instruction, those of Numba's own inspect_llvm()/inspect_asm() on the normal build.
/// </summary>
public sealed class NumbaFidelityTests(FidelityInspection fidelity) : IClassFixture<FidelityInspection>
{
    private const string Fixture = FidelityInspection.Fixture;

    private static readonly LineScope Anywhere = new(0, 0, int.MaxValue);

    [Fact]
    public void Should_show_exactly_the_LLVM_IR_and_asm_of_the_normal_build_for_every_unit()
    {
        // Given the fixture inspected by JitLens and built by Numba the normal way
        var path = NumbaFixtures.PathOf(Fixture);
        var compared = 0;

        // When each unit's llvm and asm listings are set beside the normal build's, read by the same parsers
        foreach (var unit in fidelity.Result.Methods)
        {
            var (key, kernel) = NormalKey(unit);
            var normal = fidelity.Normal[key];
            var function = kernel is { } k ? normal.Kernels[k] : normal.FunctionName;
            var llvm = LlvmIrListing.Build(normal.Llvm, function, path, Anywhere);
            var asm = X86AsmListing.Build(normal.Asm, function, path, Anywhere, new Dictionary<int, int>());

            // Then they are equal instruction for instruction, labels included (debug metadata and addresses masked)
            Assert.True(llvm.Instructions.Count > 2, $"{unit.Name}: the normal build has no LLVM function {function}");
            Assert.Equal(Comparable(llvm), Comparable(unit.Views["llvm"]));
            Assert.Equal(Comparable(asm), Comparable(unit.Views["asm"]));
            compared++;
        }

        // And every function, signature and kernel of the normal build was compared
        Assert.Equal(fidelity.Normal.Count + fidelity.Normal.Values.Sum(n => n.Kernels.Count), compared);
    }

    [Fact]
    public void Should_inline_the_called_function_and_show_its_code_at_its_own_lines_naming_the_calling_line()
    {
        // Given normalise(), whose line `norm = math.sqrt(dot(values, values))` calls dot()
        var call = NumbaFixtures.LineOf(Fixture, "norm = math.sqrt(dot(values, values))");
        var body = NumbaFixtures.LineOf(Fixture, "acc += a[i] * b[i]");

        // When JitLens inspects the file
        var normalise = Assert.Single(fidelity.Result.Methods, m => m.Name == "normalise(array(float64, 1d, C))");

        // Then normalise's code has no call to dot: dot's multiply-add sits at dot's body line, inlined at the call
        Assert.DoesNotContain(normalise.Views["llvm"].Instructions, i => i.Text.Contains("call", StringComparison.Ordinal) && i.Text.Contains("3dot", StringComparison.Ordinal));
        Assert.Contains(normalise.Views["llvm"].ForLine(body), i => i.Text.Contains("fmul", StringComparison.Ordinal) && i.InlinedAt == call);
        Assert.Contains(normalise.Views["asm"].ForLine(body), i => i.Text.StartsWith("vmul", StringComparison.Ordinal) || i.Text.StartsWith("vfmadd", StringComparison.Ordinal) || i.Text.StartsWith("mul", StringComparison.Ordinal));

        // And the per-line model says so on both lines
        var lines = normalise.Lines();
        Assert.Contains(body, lines.Single(l => l.Line == call).Inlines);
        Assert.Equal([call], lines.Single(l => l.Line == body).InlinedAt);
    }

    [Fact]
    public void Should_show_the_vector_instructions_LLVM_made_of_the_loop_at_its_body_line()
    {
        // Given saxpy's loop body `out[i] = a * x[i] + y[i]`
        var body = NumbaFixtures.LineOf(Fixture, "out[i] = a * x[i] + y[i]");

        // When JitLens inspects the file
        var saxpy = Assert.Single(fidelity.Result.Methods, m => m.Name.StartsWith("saxpy(", StringComparison.Ordinal));

        // Then the body line owns vector arithmetic in LLVM IR and packed double instructions in the asm
        Assert.Contains(saxpy.Views["llvm"].ForLine(body), i => i.Text.Contains("x double>", StringComparison.Ordinal) && (i.Text.Contains("fmul", StringComparison.Ordinal) || i.Text.Contains("fadd", StringComparison.Ordinal)));
        Assert.Contains(saxpy.Views["asm"].ForLine(body), i => i.Text.Split(' ')[0].EndsWith("pd", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_each_parfor_in_Numba_IR_and_its_gufunc_kernel_with_the_prange_body_lines()
    {
        // Given row_norms(), whose prange loop body is `out[i] = math.sqrt(dot(m[i], m[i]))`, and shifted(), a parallel array expression
        var prangeBody = NumbaFixtures.LineOf(Fixture, "out[i] = math.sqrt(dot(m[i], m[i]))");
        var expression = NumbaFixtures.LineOf(Fixture, "return a * 2.0 + 1.0");

        // When JitLens inspects the file
        var rowNorms = Assert.Single(fidelity.Result.Methods, m => m.Name == "row_norms(array(float64, 2d, C))");
        var kernel = Assert.Single(fidelity.Result.Methods, m => m.Name == "row_norms(array(float64, 2d, C)) parfor kernel 1");
        var shiftedKernel = Assert.Single(fidelity.Result.Methods, m => m.Name == "shifted(array(float64, 1d, C)) parfor kernel 1");

        // Then the function's Numba IR shows the parfor and its body at the body's line
        Assert.Contains(rowNorms.Views["numba_ir"].Instructions, i => i.Text.StartsWith("parfor #", StringComparison.Ordinal));
        Assert.NotEmpty(rowNorms.Views["numba_ir"].ForLine(prangeBody));

        // And the kernels' machine code belongs to the loop body and the expression, with the square root and arithmetic there
        Assert.Contains(kernel.Views["llvm"].ForLine(prangeBody), i => i.Text.Contains("sqrt", StringComparison.Ordinal));
        Assert.Contains(kernel.Views["asm"].ForLine(prangeBody), i => i.Text.StartsWith("vsqrt", StringComparison.Ordinal) || i.Text.StartsWith("sqrt", StringComparison.Ordinal));
        Assert.Contains(shiftedKernel.Views["asm"].ForLine(expression), i => i.Text.StartsWith("vmul", StringComparison.Ordinal) || i.Text.StartsWith("vfmadd", StringComparison.Ordinal) || i.Text.StartsWith("vadd", StringComparison.Ordinal));
    }

    private static (string Key, int? Kernel) NormalKey(InspectedUnit unit)
    {
        const string Marker = " parfor kernel ";
        var at = unit.Name.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? (unit.Name, null) : (unit.Name[..at], int.Parse(unit.Name[(at + Marker.Length)..], System.Globalization.CultureInfo.InvariantCulture) - 1);
    }

    private static List<(string, string?)> Comparable(CodeListing listing) =>
        listing.Instructions.Select(i => (NormalBuild.Comparable(i.Text), i.Label)).ToList();
}
