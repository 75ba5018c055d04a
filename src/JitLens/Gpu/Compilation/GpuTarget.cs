using System.Globalization;
using ILGPU.Runtime.Cuda;
using JitLens.Pipeline;

namespace JitLens.Gpu.Compilation;

/// <summary>A CUDA target: the SM architecture and the PTX ISA version emitted for it.</summary>
/// <param name="Arch">The user's spelling, e.g. <c>sm_90</c>.</param>
public sealed record GpuTarget(string Arch, CudaArchitecture Architecture, CudaInstructionSet InstructionSet)
{
    /// <summary>A recent architecture whose PTX every CUDA 12 ptxas accepts.</summary>
    public const string DefaultArch = "sm_90";

    /// <summary>The CUDA version the ISA is chosen for when no toolkit tells us better (ILGPU 1.5.3 knows up to 12.x).</summary>
    public static readonly Version DefaultCudaVersion = new(12, 4);

    /// <summary>
    /// Parses <c>sm_XY</c> and picks the PTX ISA the way ILGPU does for a driver of <paramref name="cudaVersion"/>, so
    /// the PTX names an ISA that the installed ptxas (when there is one) understands.
    /// </summary>
    public static GpuTarget Parse(string? arch, Version? cudaVersion = null)
    {
        var name = (arch ?? DefaultArch).Trim().ToLowerInvariant();
        if (!name.StartsWith("sm_", StringComparison.Ordinal)
            || !int.TryParse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 10)
        {
            throw new InspectionException($"--arch {arch}: expected an architecture such as sm_75, sm_80, sm_86 or sm_90.");
        }

        var architecture = new CudaArchitecture(number / 10, number % 10);
        var version = cudaVersion ?? DefaultCudaVersion;

        // A toolkit newer than ILGPU knows still reads the ISA ILGPU picks for the newest CUDA it knows.
        if (!TryInstructionSet(architecture, version, out var isa)
            && (version <= DefaultCudaVersion || !TryInstructionSet(architecture, DefaultCudaVersion, out isa)))
        {
            throw new InspectionException(
                $"--arch {name}: ILGPU cannot target this architecture with CUDA {version.Major}.{version.Minor}; try sm_75, sm_80, sm_86 or sm_90.");
        }

        return new GpuTarget(name, architecture, isa);
    }

    private static bool TryInstructionSet(CudaArchitecture architecture, Version version, out CudaInstructionSet isa) =>
        CudaAccelerator.TryGetInstructionSet(
            architecture,
            CudaDriverVersion.FromMajorMinor(version.Major, Math.Max(0, version.Minor)),
            out _,
            out isa);

    public override string ToString() => $"{Arch} (PTX ISA {InstructionSet.Major}.{InstructionSet.Minor})";
}
