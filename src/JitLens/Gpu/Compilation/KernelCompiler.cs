using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using JitLens.Gpu.Ptx;

namespace JitLens.Gpu.Compilation;

/// <summary>
/// Compiles kernels to PTX with ILGPU's PTX backend, which needs neither a GPU nor the CUDA toolkit. One compiler keeps
/// its ILGPU context, so that further kernels compile warm.
/// </summary>
public sealed class KernelCompiler : IDisposable
{
    private readonly Context _context;
    private readonly PTXBackend _backend;

    public KernelCompiler(GpuTarget target)
    {
        Target = target;
        _context = Context.Create(builder => SourceAnnotations(builder.Optimize(OptimizationLevel.Release)));
        _backend = new PTXBackend(_context, target.Architecture, target.InstructionSet, nvvmAPI: null!); // no NVVM: PTX comes from ILGPU's own generator
    }

    public GpuTarget Target { get; }

    /// <summary>PTX (as it runs: see <see cref="RunnablePtx"/>) and IR of <paramref name="kernel"/>; the PDB must sit beside its assembly for the PTX to carry <c>.loc</c> lines.</summary>
    public CompiledKernelCode Compile(MethodInfo kernel)
    {
        var entry = IsImplicitlyGrouped(kernel)
            ? EntryPointDescription.FromImplicitlyGroupedKernel(kernel)
            : EntryPointDescription.FromExplicitlyGroupedKernel(kernel);
        var capture = new IrCapture();
        var compiled = (PTXCompiledKernel)_backend.Compile(entry, KernelSpecialization.Empty, capture);
        return new CompiledKernelCode(KernelNames.Of(kernel), Target.Arch, RunnablePtx.Of(compiled.PTXAssembly), capture.Stages);
    }

    /// <summary>Kernels whose first parameter is an index are launched per element; the others with explicit groups.</summary>
    public static bool IsImplicitlyGrouped(MethodInfo kernel)
    {
        var first = kernel.GetParameters().FirstOrDefault()?.ParameterType;
        return first is not null && first.Namespace == "ILGPU" && first.Name.Contains("Index", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _backend.Dispose();
        _context.Dispose();
    }

    /// <summary>
    /// <c>Builder.DebugSymbols(mode)</c> only validates its argument in ILGPU 1.5.3 and never stores it, and only
    /// <see cref="DebugSymbolsMode.KernelSourceAnnotations"/> makes the PTX backend write <c>.file</c>/<c>.loc</c>:
    /// set the builder's property directly.
    /// </summary>
    private static Context.Builder SourceAnnotations(Context.Builder builder)
    {
        var property = typeof(ContextProperties).GetProperty(nameof(ContextProperties.DebugSymbolsMode))
            ?? throw new InvalidOperationException("ILGPU's ContextProperties.DebugSymbolsMode is gone; JitLens expects ILGPU 1.5.3.");
        property.GetSetMethod(nonPublic: true)!.Invoke(builder, [DebugSymbolsMode.KernelSourceAnnotations]);
        return builder;
    }
}
