using Microsoft.CodeAnalysis;

namespace JitLens.Gpu;

/// <summary>
/// User code may write ILGPU kernels: it compiles against the ILGPU that jitlens ships, the same one the child host
/// compiles and runs the kernels with.
/// </summary>
internal static class GpuReferences
{
    public static IEnumerable<MetadataReference> Get() => [JitLens.Compilation.MappedReference.FromFile(IlgpuAssembly)];

    // A natively compiled jitlens has no assembly files of its own: it ships ILGPU.dll beside itself for the host.
    private static string IlgpuAssembly =>
        typeof(ILGPU.Context).Assembly.Location is { Length: > 0 } location ? location : Path.Combine(AppContext.BaseDirectory, "ILGPU.dll");
}
