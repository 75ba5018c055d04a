using JitLens.Gpu.Compilation;

namespace JitLens.Gpu.Hosting;

/// <summary>
/// What the child host is asked to do in GPU mode: <c>JitLens.Host gpu REQUEST.json KERNELS.json RUNS.json</c>.
/// The host loads the user's assembly, so user code (static constructors ILGPU reads, the drivers it runs) never runs
/// in the jitlens process.
/// </summary>
/// <param name="CudaVersion">The toolkit's CUDA version (e.g. "12.4") so that the PTX ISA suits its ptxas; null for the default.</param>
/// <param name="RunDrivers">Whether to run the methods that load the kernels on ILGPU's CPU accelerator.</param>
public sealed record GpuHostRequest(string AssemblyPath, string Arch, string? CudaVersion, string? KernelPattern, bool RunDrivers);

/// <summary>Written as soon as the kernels are compiled, before any user code runs.</summary>
public sealed record GpuHostKernels(IReadOnlyList<GpuHostKernel> Kernels);

/// <param name="Driver">Display name of the method that loads the kernel, null for kernels named by --kernel.</param>
/// <param name="Error">Why ILGPU could not compile it, in ILGPU's words; null when <paramref name="Code"/> is set.</param>
public sealed record GpuHostKernel(string Name, string? Driver, CompiledKernelCode? Code, string? Error);

/// <summary>Written after the drivers ran.</summary>
public sealed record GpuHostRuns(IReadOnlyList<DriverRun> Runs);

/// <summary>One driver run on the CPU accelerator: what it returned or threw, and what it printed.</summary>
/// <param name="Outcome">One sentence, e.g. "returned [6, 20, 24]" or "threw IndexOutOfRangeException: ...".</param>
public sealed record DriverRun(string Driver, bool Succeeded, string Outcome, string Output);
