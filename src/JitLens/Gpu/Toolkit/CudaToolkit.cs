using System.Diagnostics;
using System.Text.RegularExpressions;
using JitLens.Pipeline;
using JitLens.Processes;

namespace JitLens.Gpu.Toolkit;

/// <summary>The parts of an installed CUDA toolkit that turn PTX into SASS: ptxas and nvdisasm.</summary>
public sealed partial record CudaToolkit(string Ptxas, string Nvdisasm, Version CudaVersion)
{
    /// <summary>What the user reads when SASS cannot be produced here.</summary>
    public const string Missing =
        "SASS is unavailable: the CUDA toolkit's ptxas and nvdisasm are not on PATH (install the CUDA toolkit, e.g. NVIDIA's cuda-toolkit package or Debian's nvidia-cuda-toolkit, and put its bin directory on PATH); IR and PTX need no toolkit.";

    private static readonly Lazy<CudaToolkit?> Installed = new(Locate);
    private static readonly string[] HomeVariables = ["CUDA_HOME", "CUDA_PATH"];

    /// <summary>The toolkit on PATH (or in $CUDA_HOME/bin, $CUDA_PATH/bin, /usr/local/cuda/bin), null when there is none.</summary>
    public static CudaToolkit? Find() => Installed.Value;

    private static CudaToolkit? Locate()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(HomeVariables.Select(Environment.GetEnvironmentVariable).OfType<string>().Select(d => Path.Combine(d, "bin")))
            .Append("/usr/local/cuda/bin");
        foreach (var directory in directories)
        {
            var ptxas = Path.Combine(directory, "ptxas");
            var nvdisasm = Path.Combine(directory, "nvdisasm");
            if (File.Exists(ptxas) && File.Exists(nvdisasm) && VersionOf(ptxas) is { } version)
            {
                return new CudaToolkit(ptxas, nvdisasm, version);
            }
        }

        return null;
    }

    /// <summary>"Cuda compilation tools, release 12.4, V12.4.131" → 12.4.</summary>
    internal static Version? ParseVersion(string ptxasVersionOutput) =>
        Release().Match(ptxasVersionOutput) is { Success: true } m ? new Version(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;

    private static Version? VersionOf(string ptxas)
    {
        try
        {
            var result = ChildRun.RunAsync(new ProcessStartInfo(ptxas, "--version"), "ptxas", TimeSpan.FromSeconds(10), CancellationToken.None)
                .GetAwaiter().GetResult();
            return result.TimedOut ? null : ParseVersion(result.Output);
        }
        catch (InspectionException)
        {
            return null; // present but not runnable (wrong platform, no permission)
        }
    }

    [GeneratedRegex(@"release (\d+)\.(\d+)")]
    private static partial Regex Release();
}
