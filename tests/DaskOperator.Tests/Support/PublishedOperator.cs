using System.Diagnostics;

namespace DaskOperator.Tests.Support;

/// <summary>
/// The dask-operator executable exactly as it goes into the image: scripts/publish-operator.sh's output.
/// scripts/test.sh publishes it before the tests and names it in DASK_OPERATOR_EXECUTABLE; otherwise the first test
/// that needs it publishes it once for the whole run (a Native AOT publish: minutes cold, 4–10 on a loaded 2-core machine).
/// </summary>
public static class PublishedOperator
{
    private static readonly Lazy<string> Executable = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Executable.Value;

    /// <summary>How long this run spent publishing (zero when scripts/test.sh had done it).</summary>
    public static TimeSpan PublishTime { get; private set; }

    private static string Locate()
    {
        var given = Environment.GetEnvironmentVariable("DASK_OPERATOR_EXECUTABLE");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"DASK_OPERATOR_EXECUTABLE names {given}, which does not exist.");
        }
        var clock = Stopwatch.StartNew();
        var output = Repository.Path("artifacts", "operator-test");
        // Test projects run side by side (this folder is shared with DaskOperator.Client.Tests): one publishes at a time.
        Directory.CreateDirectory(Repository.Path("artifacts"));
        using var exclusive = Lock(output + ".lock");
        var info = new ProcessStartInfo("bash", [Repository.Path("scripts", "publish-operator.sh"), output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        if (!publish.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            publish.Kill(entireProcessTree: true);
        }

        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/publish-operator.sh failed ({publish.ExitCode}):\n{stdout.Result}{stderr.Result}");
        }

        PublishTime = clock.Elapsed;
        return System.IO.Path.Combine(output, "dask-operator");
    }

    private static FileStream Lock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(20);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
