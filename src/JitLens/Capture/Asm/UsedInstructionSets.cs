using Iced.Intel;

namespace JitLens.Capture.Asm;

/// <summary>
/// The instruction-set extensions a method's x64 code uses, read exactly off its bytes: the CPUID features Iced gives
/// for each instruction, less those every x64 CPU has. "x64 + AVX, AVX2, BMI2", or "x64" for code that uses none.
/// </summary>
internal static class UsedInstructionSets
{
    /// <summary>What x86-64 itself guarantees (the 8086 to 486 instruction sets, x87, MMX, SSE, SSE2, CMOV, ...): no extension.</summary>
    private static readonly HashSet<CpuidFeature> Baseline =
    [
        CpuidFeature.INTEL8086, CpuidFeature.INTEL8086_ONLY, CpuidFeature.INTEL186, CpuidFeature.INTEL286, CpuidFeature.INTEL286_ONLY,
        CpuidFeature.INTEL386, CpuidFeature.INTEL386_ONLY, CpuidFeature.INTEL386_A0_ONLY, CpuidFeature.INTEL486, CpuidFeature.INTEL486_A_ONLY,
        CpuidFeature.X64, CpuidFeature.CMOV, CpuidFeature.CX8, CpuidFeature.FPU, CpuidFeature.FPU287, CpuidFeature.FPU387, CpuidFeature.MMX,
        CpuidFeature.FXSR, CpuidFeature.SSE, CpuidFeature.SSE2, CpuidFeature.SYSCALL, CpuidFeature.CPUID, CpuidFeature.TSC,
        CpuidFeature.MULTIBYTENOP, CpuidFeature.PAUSE, CpuidFeature.CLFSH, CpuidFeature.MSR,
    ];

    public static string Describe(IEnumerable<AsmInstruction> instructions)
    {
        var used = new SortedSet<CpuidFeature>();
        foreach (var instruction in instructions)
        {
            var decoder = Decoder.Create(64, new ByteArrayCodeReader(instruction.Bytes.ToArray()), instruction.Address);
            decoder.Decode(out var decoded);
            used.UnionWith(decoded.Code.CpuidFeatures().Where(f => !Baseline.Contains(f)));
        }

        return used.Count == 0 ? "x64" : "x64 + " + string.Join(", ", used.Select(Name));
    }

    /// <summary>The name people write: SSE4.1, AVX-512F, AVX-512VBMI, AVX-VNNI.</summary>
    private static string Name(CpuidFeature feature)
    {
        var name = feature.ToString();
        return name.StartsWith("AVX512", StringComparison.Ordinal) ? "AVX-512" + name[6..].TrimStart('_')
            : name.StartsWith("SSE4_", StringComparison.Ordinal) ? name.Replace('_', '.')
            : name.StartsWith("AVX_", StringComparison.Ordinal) ? name.Replace('_', '-')
            : name;
    }
}
