using System.Diagnostics;
using System.Text.RegularExpressions;
using JitLens.Pipeline;
using JitLens.Processes;

namespace JitLens.Gpu.Toolkit;

/// <summary>PTX → cubin with <c>ptxas -lineinfo</c> → SASS with line info from <c>nvdisasm -g -c</c>.</summary>
public static partial class SassDisassembler
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    public static async Task<string> DisassembleAsync(CudaToolkit toolkit, string ptx, string arch, string kernelName, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-sass-").FullName;
        try
        {
            var ptxPath = Path.Combine(directory, "kernel.ptx");
            var cubinPath = Path.Combine(directory, "kernel.cubin");
            await File.WriteAllTextAsync(ptxPath, ForOptimisedAssembly(ptx), cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// ILGPU's line info adds <c>, debug</c> to <c>.target</c> and an empty <c>.debug_info</c> section, which make ptxas
    /// compile without optimisation. SASS of the code that really runs keeps the <c>.loc</c> lines and drops those.
    /// </summary>
    public static string ForOptimisedAssembly(string ptx) =>
        DebugSection().Replace(DebugTarget().Replace(ptx, "$1"), "");

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

    [GeneratedRegex(@"(\.target\s+sm_\w+)\s*,\s*debug")]
    private static partial Regex DebugTarget();

    [GeneratedRegex(@"^\s*\.section\s*\.debug_\w+\s*\{[^}]*\}\s*$", RegexOptions.Multiline)]
    private static partial Regex DebugSection();
}
