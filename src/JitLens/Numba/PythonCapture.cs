using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using JitLens.Pipeline;
using JitLens.Processes;

namespace JitLens.Numba;

/// <summary>
/// Runs the capture script on the user's file in its own Python process, within a time limit, and reads its JSON.
/// Whatever the user's code does (raise, crash, loop forever), JitLens gets a report or a one-sentence error.
/// </summary>
internal static class PythonCapture
{
    public const string DefaultPython = "/usr/bin/python3";

    public static async Task<CaptureReport> RunAsync(string file, InspectRequest request, CancellationToken cancellationToken)
    {
        var python = request.Python ?? DefaultPython;
        var workDir = Directory.CreateTempSubdirectory("jitlens-numba-").FullName;
        try
        {
            var script = CaptureScript.WriteTo(workDir);
            var output = Path.Combine(workDir, "capture.json");
            var start = new ProcessStartInfo(python);
            foreach (var argument in (string[])[script, Path.GetFullPath(file), "--out", output])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var signature in request.Signatures)
            {
                start.ArgumentList.Add("--signature");
                start.ArgumentList.Add(signature);
            }

            // A fresh cache directory: functions with cache=True are compiled now, with debug info, not loaded from disk.
            start.Environment["NUMBA_CACHE_DIR"] = workDir;
            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            if (request.NumbaOpt is { } opt)
            {
                // Numba reads it once, at import, for its one code generator: a level of its own needs a process of its own.
                start.Environment["NUMBA_OPT"] = opt.ToString(CultureInfo.InvariantCulture);
            }
            var run = await ChildRun.RunAsync(start, python, request.Timeout, cancellationToken,
                cannotStart: $"The Python interpreter '{python}' could not be started; choose one with --python.").ConfigureAwait(false);
            if (run.TimedOut)
            {
                throw new InspectionException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: running the file under Numba did not finish within {request.Timeout.TotalSeconds:0} s, so it was stopped; does it loop forever when run?"));
            }

            if (run.ExitCode != 0 || !File.Exists(output))
            {
                throw new InspectionException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: {python} exited with code {run.ExitCode} before the Numba capture finished{LastLine(run.Errors)}"));
            }

            return await ReadAsync(output, file, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    /// <summary>Reads the capture report at <paramref name="path"/>, written for <paramref name="file"/>.</summary>
    public static async Task<CaptureReport> ReadAsync(string path, string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var json = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(json, CaptureReportJson.Default.CaptureReport, cancellationToken).ConfigureAwait(false)
                ?? throw new InspectionException($"{file}: the Numba capture wrote no report.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InspectionException($"{file}: the Numba capture report {path} cannot be read ({e.Message}).");
        }
    }

    private static string LastLine(string stderr)
    {
        var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? "." : new StringBuilder(": ").Append(last).ToString();
    }
}
