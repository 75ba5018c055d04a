using System.Diagnostics;
using System.Text;

namespace DaskOperator.Tests.Support;

/// <summary>
/// A child process the test started and stops (with its children) when disposed; keeps its output for failure messages,
/// and its standard output alone for results (a library's late log line on stderr must not pass for the result).
/// </summary>
public sealed class LocalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();

    private LocalProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data, isStandardOutput: true);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, isStandardOutput: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string StandardOutput { get { lock (_output) { return _standardOutput.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>Sends SIGTERM, as the kubelet does when a pod is deleted (Process.Kill would be SIGKILL).</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public static LocalProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        return new LocalProcess(Process.Start(info)!);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private void Append(string? line, bool isStandardOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (isStandardOutput)
            {
                _standardOutput.AppendLine(line);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
