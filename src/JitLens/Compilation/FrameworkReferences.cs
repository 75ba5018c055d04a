using Microsoft.CodeAnalysis;

namespace JitLens.Compilation;

/// <summary>The references user code compiles against: the framework the JIT host runs it on, and ILGPU for kernels.</summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static List<MetadataReference> Load() =>
        FrameworkAssemblies.ForJitHost()
            .Select(MappedReference.FromFile)
            .Concat(Gpu.GpuReferences.Get())
            .ToList();
}
