using System.Text.Json;
using JitLens.Capture;
using JitLens.Pipeline;
using JitLens.Processes;

namespace JitLens.Gpu.Hosting;

/// <summary>Runs <c>JitLens.Host gpu</c> in a child process and reads back what it wrote, whatever the user's code did.</summary>
public static class GpuHostProcess
{
    public sealed record Outcome(GpuHostKernels Kernels, GpuHostRuns? Runs, string? RunProblem);

    public static async Task<Outcome> RunAsync(GpuHostRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("jitlens-gpu-").FullName;
        try
        {
            var requestPath = Path.Combine(directory, "request.json");
            var kernelsPath = Path.Combine(directory, "kernels.json");
            var runsPath = Path.Combine(directory, "runs.json");
            await File.WriteAllTextAsync(requestPath, JsonSerializer.Serialize(request, GpuHostJson.Default.GpuHostRequest), cancellationToken).ConfigureAwait(false);

            var start = HostLocator.StartInfo(["gpu", requestPath, kernelsPath, runsPath]);

            // Hidden CUDA devices make ILGPU's device choice in the user's driver fall to the CPU accelerator.
            start.Environment["CUDA_VISIBLE_DEVICES"] = "";
            var run = await ChildRun.RunAsync(start, "The GPU kernel compiler", timeout, cancellationToken).ConfigureAwait(false);
            var (timedOut, errors) = (run.TimedOut, run.Errors.Trim());
            if (!File.Exists(kernelsPath))
            {
                throw new InspectionException(timedOut
                    ? $"{request.AssemblyPath}: compiling the GPU kernels did not finish within {timeout.TotalSeconds:0} s."
                    : $"{request.AssemblyPath}: the GPU kernel compiler stopped (exit code {run.ExitCode}){(errors.Length > 0 ? ": " + FirstLine(errors) : ".")}");
            }

            var kernels = JsonSerializer.Deserialize(await File.ReadAllTextAsync(kernelsPath, cancellationToken).ConfigureAwait(false), GpuHostJson.Default.GpuHostKernels)!;
            if (!request.RunDrivers)
            {
                return new Outcome(kernels, null, null);
            }

            if (File.Exists(runsPath))
            {
                return new Outcome(kernels, JsonSerializer.Deserialize(await File.ReadAllTextAsync(runsPath, cancellationToken).ConfigureAwait(false), GpuHostJson.Default.GpuHostRuns), null);
            }

            var problem = timedOut
                ? $"the code that launches the kernels did not finish within {timeout.TotalSeconds:0} s"
                : $"the code that launches the kernels ended the process (exit code {run.ExitCode})";
            return new Outcome(kernels, null, problem);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
