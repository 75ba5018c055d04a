using System.Net;
using System.Net.Sockets;

namespace DaskOperator.Tests.Support;

/// <summary>Debian's Dask (python3-distributed) run with /usr/bin/python3, which sees Debian's packages.</summary>
public static class PythonDask
{
    public const string Python = "/usr/bin/python3";

    public static bool IsMissing => !File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/distributed");

    public const string MissingReason = "Debian's python3-distributed is not installed (scripts/setup.sh installs it).";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static LocalProcess StartScheduler(int port) => LocalProcess.Start(Python,
        ["-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--dashboard-address", $"127.0.0.1:{FreePort()}"]);

    public static LocalProcess StartWorker(int schedulerPort, string name, params string[] extra) => LocalProcess.Start(Python,
        ["-m", "distributed.cli.dask_worker", $"tcp://127.0.0.1:{schedulerPort}", "--host", "127.0.0.1", "--nthreads", "1",
         "--name", name, "--no-dashboard", .. extra]);

    /// <summary>Runs one of the test's Python scripts (copied next to the test assembly) and returns its standard output.</summary>
    public static Task<string> RunScriptAsync(string script, params string[] arguments) =>
        RunFileAsync(Path.Combine(AppContext.BaseDirectory, "Python", script), arguments);

    /// <summary>Runs a Python file (e.g. one of samples/) and returns its standard output.</summary>
    public static async Task<string> RunFileAsync(string path, params string[] arguments)
    {
        using var process = LocalProcess.Start(Python, [path, .. arguments]);
        var code = await process.WaitAsync(TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} exited with {code}:\n{process.Output}");
        }

        return process.StandardOutput;
    }
}
