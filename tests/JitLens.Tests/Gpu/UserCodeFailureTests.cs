using JitLens.Tests.Gpu.Support;
using Xunit;

namespace JitLens.Tests.Gpu;

/// <summary>Kernels ILGPU rejects and launch code that ends its process never take the inspection down.</summary>
public class UserCodeFailureTests
{
    [Fact]
    public async Task Should_note_a_kernel_ilgpu_rejects_and_a_launcher_that_exits_and_still_show_the_other_kernel()
    {
        // Given a file whose UsesStrings kernel formats a string (ILGPU cannot compile that) and whose Run() calls
        // Environment.Exit(3) after launching Fine
        // When inspected
        var context = await KernelInspection.RunAsync("Failing.cs", ["ptx"]);

        // Then Fine is there with its PTX, and notes that its launcher ended the process
        var fine = Assert.Single(context.Result.Kernels);
        Assert.Equal("Samples.Failing.Fine", fine.Name);
        Assert.Contains(KernelInspection.At(fine, "ptx", KernelInspection.LineOf(fine, "data[i] = i;")), t => t.StartsWith("st.b32", StringComparison.Ordinal));
        Assert.Contains("Not run on ILGPU's CPU accelerator: the code that launches the kernels ended the process (exit code 3).", fine.Notes);

        // And UsesStrings is reported in one sentence naming it
        Assert.Contains(context.Result.Notes, n => n.StartsWith("Samples.Failing.UsesStrings: ILGPU cannot compile this kernel: ", StringComparison.Ordinal));
    }
}
