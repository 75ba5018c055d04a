using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using JitLens.Gpu.Compilation;
using JitLens.Gpu.LineInfo;
using JitLens.Gpu.Hosting;
using JitLens.Gpu.Sass;
using JitLens.Gpu.Toolkit;
using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Gpu;

/// <summary>
/// GPU kernels of the compiled C#: found and compiled by ILGPU in the child host (IR stages and PTX per line), run
/// there on ILGPU's CPU accelerator through the code that launches them, and assembled to SASS where the CUDA
/// toolkit is installed.
/// </summary>
public sealed class GpuKernelStage : IInspectionStage
{
    public string Name => "gpu";

    public bool AppliesTo(InspectionContext context) =>
        context.Compiled is not null
        && ViewCatalog.MadeBy(FrontEnd.Ilgpu).Any(v => context.Request.Wants(v.Name))
        && (context.Request.KernelPattern is not null || ReferencesIlgpu(context.Compiled.AssemblyPath));

    public async Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var compiled = context.Compiled!;
        var toolkit = request.Wants(SassView.Id) ? CudaToolkit.Find() : null;
        var target = GpuTarget.Parse(request.Arch, toolkit?.CudaVersion); // bad --arch fails here, before any process starts
        var hostRequest = new GpuHostRequest(compiled.AssemblyPath, target.Arch, toolkit?.CudaVersion.ToString(), request.KernelPattern, RunDrivers: true);
        var outcome = await GpuHostProcess.RunAsync(hostRequest, request.Timeout, cancellationToken).ConfigureAwait(false);

        if (outcome.Kernels.Kernels.Count == 0)
        {
            if (request.Views.Count > 0 || request.KernelPattern is not null)
            {
                context.Result.Notes.Add("No GPU kernels found: JitLens inspects methods passed to accelerator.Load*Kernel(...) and those named with --kernel PATTERN.");
            }

            return;
        }

        if (request.Wants(SassView.Id) && toolkit is null)
        {
            context.Result.Notes.Add(CudaToolkit.Missing);
        }

        foreach (var kernel in outcome.Kernels.Kernels)
        {
            if (kernel.Code is null)
            {
                context.Result.Notes.Add($"{kernel.Name}: ILGPU cannot compile this kernel: {kernel.Error}");
                continue;
            }

            var unit = KernelUnitFactory.Create(kernel.Code, compiled.Sources);
            if (toolkit is not null)
            {
                await AddSassAsync(unit, toolkit, kernel.Code.Ptx, target.Arch, cancellationToken).ConfigureAwait(false);
            }

            AddRunNotes(unit, kernel, outcome);
            context.Result.Kernels.Add(unit);
        }
    }

    private static async Task AddSassAsync(InspectedUnit unit, CudaToolkit toolkit, string ptx, string arch, CancellationToken cancellationToken)
    {
        try
        {
            var sass = await SassDisassembler.DisassembleAsync(toolkit, ptx, arch, unit.Name, cancellationToken).ConfigureAwait(false);
            unit.AddView(CarriedLabels.Of(SassListingParser.Parse(sass, file => SourceFiles.Same(file, unit.Source.Path)), keepDeclarations: true));
        }
        catch (InspectionException e)
        {
            unit.Notes.Add(e.Message); // one kernel ptxas rejects must not hide the others, nor this one's IR and PTX
        }
    }

    private static void AddRunNotes(InspectedUnit unit, GpuHostKernel kernel, GpuHostProcess.Outcome outcome)
    {
        if (kernel.Driver is null)
        {
            return;
        }

        var run = outcome.Runs?.Runs.FirstOrDefault(r => r.Driver == kernel.Driver + "()");
        if (run is not null)
        {
            unit.Notes.Add($"Ran on ILGPU's CPU accelerator through {run.Driver}: {run.Outcome}.");
            if (run.Output.Trim() is { Length: > 0 } printed)
            {
                unit.Notes.Add($"{run.Driver} printed: {printed}");
            }
        }
        else if (outcome.RunProblem is not null)
        {
            unit.Notes.Add($"Not run on ILGPU's CPU accelerator: {outcome.RunProblem}.");
        }
        else
        {
            unit.Notes.Add($"Not run on ILGPU's CPU accelerator: {kernel.Driver} is not a static method without parameters (or Main), so there are no inputs to run it with.");
        }
    }

    // Only assemblies that reference ILGPU can load kernels: others skip the child process entirely.
    private static bool ReferencesIlgpu(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Any(h => metadata.GetString(metadata.GetAssemblyReference(h).Name) == "ILGPU");
    }
}
