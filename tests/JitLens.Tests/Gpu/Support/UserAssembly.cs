using JitLens.Compilation;
using JitLens.Pipeline;

namespace JitLens.Tests.Gpu.Support;

/// <summary>Compiles a sample with the compile stage's compiler: a DLL with its portable PDB beside it.</summary>
internal static class UserAssembly
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Gpu", "Samples", name);

    public static CompiledInput Compile(string sourcePath) =>
        CSharpCompiler.Compile([sourcePath], Directory.CreateTempSubdirectory("jitlens-gpu-test-").FullName);
}
