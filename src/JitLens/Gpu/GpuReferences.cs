using Microsoft.CodeAnalysis;

namespace JitLens.Gpu;

/// <summary>
/// User code may write ILGPU kernels: it compiles against the ILGPU that jitlens ships, the same one the child host
/// compiles and runs the kernels with.
/// </summary>
internal static class GpuReferences
{
    public static IEnumerable<MetadataReference> Get() =>
        [JitLens.Compilation.MappedReference.FromFile(typeof(ILGPU.Context).Assembly.Location)];
}
