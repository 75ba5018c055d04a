using System.Diagnostics;

namespace DaskOperator.Bench;

/// <summary>
/// The operator as its own process (so its RSS is its own): a published executable, or the operator's dask-operator.dll
/// through <c>dotnet</c>.
/// </summary>
internal sealed class OperatorProcess : IDisposable
{
    private readonly Process _process;

    private OperatorProcess(Process process) => _process = process;

    public static OperatorProcess Start(string kubeconfig, IReadOnlyDictionary<string, string>? environment = null, string? executable = null)
    {
        var info = new ProcessStartInfo(executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (executable is null)
        {
            info.ArgumentList.Add(OperatorDll());
        }

        foreach (var a in new[] { "run", "--kubeconfig", kubeconfig, "--namespace", "default", "--no-leader-election", "--health-port", "0", "--workers", Environment.GetEnvironmentVariable("BENCH_WORKERS") ?? "16" })
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var process = Process.Start(info)!;
        // Drain the structured logs so the pipe never blocks the operator.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process);
    }

    /// <summary>
    /// The operator's own build output (the project reference builds it): there its packages sit next to it, while the
    /// benchmark's folder leaves out what ASP.NET Core (the test API server's framework) already has.
    /// </summary>
    private static string OperatorDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "DaskOperator")))
        {
            dir = dir.Parent;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = dir is null ? null : Path.Combine(dir.FullName, "src", "DaskOperator", "bin", configuration, "net10.0", "dask-operator.dll");
        return dll is not null && File.Exists(dll) ? dll : throw new FileNotFoundException("The operator's build output (dask-operator.dll) was not found.", dll);
    }

    /// <summary>Resident set size in MiB, from /proc.</summary>
    public double RssMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
