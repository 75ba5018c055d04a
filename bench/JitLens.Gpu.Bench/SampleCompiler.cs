using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace JitLens.Gpu.Bench;

/// <summary>The kernels' file as a DLL with its PDB beside it (not timed: the benchmark is about ILGPU's part).</summary>
internal static class SampleCompiler
{
    public static string Compile(string sourcePath)
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-gpu-bench-").FullName;
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(sourcePath), Encoding.UTF8), path: sourcePath);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("GpuBenchKernels", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        var dll = Path.Combine(directory, "GpuBenchKernels.dll");
        using var dllStream = File.Create(dll);
        using var pdbStream = File.Create(Path.ChangeExtension(dll, ".pdb"));
        var result = compilation.Emit(dllStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        return result.Success ? dll : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }
}
