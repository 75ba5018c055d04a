using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using X86 = System.Runtime.Intrinsics.X86;

namespace JitLens.Capture;

/// <summary>
/// The CPU and the instruction-set extensions this machine has, as this process's runtime reports them: the last
/// resort of a CPU method's badge, worded so as not to claim the code uses them. A .NET method's badge names the
/// extensions its own code uses (<see cref="Asm.UsedInstructionSets"/>), a Numba function's the target Numba's
/// codegen compiled for (<c>NumbaCpuArch</c>): a Native AOT jitlens sees only its own build's baseline here.
/// </summary>
public static class CpuInstructionSets
{
    public static string Description { get; } = Describe();

    private static string Describe()
    {
        var architecture = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            var other => other.ToString().ToLowerInvariant(),
        };
        var extensions = Extensions().Where(e => e.Supported).Select(e => e.Name).ToList();
        return extensions.Count == 0 ? architecture : architecture + " (this CPU has " + string.Join(", ", extensions) + ")";
    }

    private static IEnumerable<(string Name, bool Supported)> Extensions()
    {
        yield return ("SSE4.2", X86.Sse42.IsSupported);
        yield return ("AVX", X86.Avx.IsSupported);
        yield return ("AVX2", X86.Avx2.IsSupported);
        yield return ("FMA", X86.Fma.IsSupported);
        yield return ("BMI1", X86.Bmi1.IsSupported);
        yield return ("BMI2", X86.Bmi2.IsSupported);
        yield return ("LZCNT", X86.Lzcnt.IsSupported);
        yield return ("POPCNT", X86.Popcnt.IsSupported);
        yield return ("AVX-512F", X86.Avx512F.IsSupported);
        yield return ("AVX-512BW", X86.Avx512BW.IsSupported);
        yield return ("AdvSimd", AdvSimd.IsSupported);
        yield return ("CRC32", Crc32.IsSupported);
    }
}
