using Microsoft.CodeAnalysis;

namespace JitLens.Compilation;

/// <summary>
/// A metadata reference whose file is memory-mapped and paged in on demand. <c>MetadataReference.CreateFromFile</c>
/// reads every image whole; for the ~170 framework assemblies that is a third of a cold compile.
/// </summary>
public static class MappedReference
{
    public static MetadataReference FromFile(string path) =>
        AssemblyMetadata.CreateFromFile(path).GetReference(filePath: path);
}
