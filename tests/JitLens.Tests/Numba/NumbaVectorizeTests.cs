using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>@vectorize without signatures: Numba keeps its scalar kernel in a dispatcher, compiled per call's types.</summary>
public sealed class NumbaVectorizeTests
{
    [Fact]
    public async Task Should_show_the_scalar_kernel_of_a_vectorize_ufunc_per_line()
    {
        // Given `return a * x + y` in a @vectorize function called with float64 values
        var body = NumbaFixtures.LineOf("ufunc.py", "return a * x + y");

        // When JitLens inspects the file
        var result = await NumbaFixtures.InspectAsync("ufunc.py");

        // Then the kernel's signature is shown and its line owns the multiply and the add
        var unit = Assert.Single(result.Methods);
        Assert.Equal("float64(float64, float64, float64)", unit.Signature);
        var llvm = NumbaFixtures.TextsOn(unit, "llvm", body);
        Assert.Contains(llvm, t => t.Contains("fmul", StringComparison.Ordinal));
        Assert.Contains(llvm, t => t.Contains("fadd", StringComparison.Ordinal));
    }
}
