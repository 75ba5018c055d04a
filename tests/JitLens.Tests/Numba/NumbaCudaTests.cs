using System.Diagnostics;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>@cuda.jit kernels: PTX/SASS where Numba's CUDA target works, one clear note where it does not.</summary>
public sealed class NumbaCudaTests
{
    private const string Fixture = "kernel.py";
    private const string KernelSignature = "scale:void(float32[:], float32[:], float32)";

    private static readonly Lazy<bool> CudaTargetAvailable = new(() =>
    {
        // The same probe the capture script makes: PTX needs the toolkit's libNVVM.
        using var probe = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "from numba.cuda.cudadrv import nvvm; nvvm.NVVM()"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    });

    [SkippableFact]
    public async Task Should_say_in_one_sentence_that_CUDA_is_unavailable_and_still_show_the_CPU_function()
    {
        Skip.If(CudaTargetAvailable.Value, "Numba's CUDA target is available on this machine, so there is no unavailability note to check.");

        // Given a file with a @cuda.jit kernel and an @njit function, on a machine without CUDA
        // When JitLens inspects it, asking for the kernel's signature too
        var result = await NumbaFixtures.InspectAsync(Fixture, [KernelSignature]);

        // Then one note says CUDA is unavailable, the kernel is listed by name with its bytecode, and the CPU function has its views
        var note = Assert.Single(result.Notes);
        Assert.StartsWith("Numba's CUDA target is unavailable here (", note, StringComparison.Ordinal);
        var kernel = Assert.Single(result.Kernels);
        Assert.Equal("scale", kernel.Name);
        Assert.Contains(NumbaFixtures.TextsOn(kernel, "bytecode", NumbaFixtures.LineOf(Fixture, "out[i] = values[i] * factor")), t => t.Contains("BINARY_OP", StringComparison.Ordinal));
        Assert.Contains(kernel.Notes, n => n.Contains("no PTX or SASS", StringComparison.Ordinal));
        var twice = Assert.Single(result.Methods);
        Assert.NotEmpty(NumbaFixtures.TextsOn(twice, "asm", NumbaFixtures.LineOf(Fixture, "return x * 2")));
    }

    [SkippableFact]
    public async Task Should_keep_the_CPU_views_of_a_file_whose_kernel_launch_fails_and_say_why_at_the_launch_line()
    {
        Skip.If(CudaTargetAvailable.Value, "Numba's CUDA target is available on this machine, so the launch does not fail.");

        // Given a file that compiles an @njit function and then launches a @cuda.jit kernel, on a machine without CUDA
        var file = NumbaFixtures.PathOf("launch.py");
        var launch = NumbaFixtures.LineOf("launch.py", "scale[1, 32](out, values, 2.0)");

        // When JitLens inspects it
        var result = await NumbaFixtures.InspectAsync("launch.py");

        // Then the CPU function keeps its views, the kernel is listed, and one note at the launch line says why it failed
        var twice = Assert.Single(result.Methods);
        Assert.NotEmpty(NumbaFixtures.TextsOn(twice, "asm", NumbaFixtures.LineOf("launch.py", "return x * 2")));
        Assert.Equal("scale", Assert.Single(result.Kernels).Name);
        Assert.Contains(result.Notes, n => n.StartsWith($"{file}:{launch}: running the file raised ", StringComparison.Ordinal) && n.Contains("CUDA", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Should_give_the_kernel_body_line_its_PTX_multiply()
    {
        Skip.If(!CudaTargetAvailable.Value, "Numba's CUDA target is unavailable here (no CUDA toolkit libNVVM), so the PTX/SASS path cannot run.");

        // Given the kernel `out[i] = values[i] * factor`, compiled for float32 arrays
        var body = NumbaFixtures.LineOf(Fixture, "out[i] = values[i] * factor");

        // When JitLens inspects the file
        var result = await NumbaFixtures.InspectAsync(Fixture, [KernelSignature]);

        // Then the kernel unit's body line owns the multiply in PTX (and in SASS where a GPU and nvdisasm exist)
        var kernel = Assert.Single(result.Kernels);
        Assert.Equal("void(array(float32, 1d, A), array(float32, 1d, A), float32)", kernel.Signature);
        Assert.Contains(NumbaFixtures.TextsOn(kernel, "ptx", body), t => t.StartsWith("mul.", StringComparison.Ordinal) || t.StartsWith("fma.", StringComparison.Ordinal));
        if (kernel.Views.ContainsKey("sass"))
        {
            Assert.Contains(NumbaFixtures.TextsOn(kernel, "sass", body), t => t.Contains("FMUL", StringComparison.Ordinal) || t.Contains("FFMA", StringComparison.Ordinal));
        }
    }
}
