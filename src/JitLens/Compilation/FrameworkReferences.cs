using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace JitLens.Compilation;

/// <summary>
/// The framework assemblies user code compiles against: the trusted platform assemblies that live in the
/// runtime's own directory (jitlens' own dependencies, such as Roslyn, are not the user's references).
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static List<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var inRuntime = trusted.Where(p => Path.GetFullPath(p).StartsWith(runtimeDirectory, StringComparison.Ordinal)).ToList();

        // Single-file or unusual hosts: fall back to every managed assembly in the runtime directory.
        if (inRuntime.Count == 0)
        {
            inRuntime = Directory.EnumerateFiles(runtimeDirectory, "System*.dll").Append(Path.Combine(runtimeDirectory, "mscorlib.dll")).Where(File.Exists).ToList();
        }

        return inRuntime
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(MappedReference.FromFile)
            .Concat(Gpu.GpuReferences.Get())
            .ToList();
    }
}
