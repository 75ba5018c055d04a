using System.Diagnostics;
using JitLens.Pipeline;
using JitLens.Processes;

namespace JitLens.Gpu.Toolkit;

/// <summary>PTX (as <see cref="Ptx.RunnablePtx"/> makes it) → cubin with <c>ptxas -lineinfo</c> → SASS with line info from <c>nvdisasm -g -c</c>.</summary>
public static class SassDisassembler
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    public static async Task<string> DisassembleAsync(CudaToolkit toolkit, string ptx, string arch, string kernelName, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-sass-").FullName;
        try
        {
            var ptxPath = Path.Combine(directory, "kernel.ptx");
            var cubinPath = Path.Combine(directory, "kernel.cubin");
            await File.WriteAllTextAsync(ptxPath, ptx, cancellationToken).ConfigureAwait(false);
            var (assembled, ptxasErrors) = await RunAsync(toolkit.Ptxas, [$"-arch={arch}", "-lineinfo", "-o", cubinPath, ptxPath], cancellationToken).ConfigureAwait(false);
            if (!assembled)
            {
                throw new InspectionException($"{kernelName}: ptxas rejected the PTX for {arch}: {ptxasErrors}");
            }

            var (disassembled, sass) = await RunAsync(toolkit.Nvdisasm, ["-g", "-c", cubinPath], cancellationToken).ConfigureAwait(false);
            return disassembled ? sass : throw new InspectionException($"{kernelName}: nvdisasm failed: {sass}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(bool Ok, string Output)> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var result = (await ChildRun.RunAsync(start, Path.GetFileName(tool), ToolTimeout, cancellationToken).ConfigureAwait(false)).OrThrowWhenTimedOut();
        return result.ExitCode == 0 ? (true, result.Output) : (false, result.FirstErrorLine);
    }
}
