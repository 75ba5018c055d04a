using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>--method selects Numba functions by name, as it selects C# methods.</summary>
public sealed class NumbaMethodPatternTests
{
    [Fact]
    public async Task Should_keep_only_functions_matching_the_method_pattern()
    {
        // Given kernel.py with the functions scale (a CUDA kernel) and twice (@njit)
        // When JitLens inspects it with --method "tw*"
        var result = await NumbaFixtures.InspectAsync("kernel.py", method: "tw*");

        // Then only twice is shown
        Assert.Equal(["twice(int64)"], result.Methods.Select(m => m.Name));
        Assert.Empty(result.Kernels);
    }
}
