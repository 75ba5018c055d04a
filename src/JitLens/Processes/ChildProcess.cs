using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using JitLens.Pipeline;

namespace JitLens.Processes;

/// <summary>
/// A child process JitLens started (the JIT host, the GPU host, ptxas, nvdisasm, Python): its standard error is kept
/// (bounded) as it arrives, and ending it ends every process it started too. A long-lived child is talked to through
/// <see cref="Input"/> and <see cref="Output"/>; disposing kills what is still running. <see cref="ChildRun"/> runs one
/// to its end within a time limit.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string tool) => (_process, Tool) = (process, tool);

    /// <summary>What the child is, for sentences: "ptxas", "The JIT host".</summary>
    public string Tool { get; }

    public int ProcessId => _process.Id;

    public BoundedText Errors { get; } = new();

    public StreamWriter Input => _process.StandardInput;

    public StreamReader Output => _process.StandardOutput;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// Starts <paramref name="start"/> with its standard output and error redirected; when it cannot start (no such
    /// file, no permission), throws <paramref name="cannotStart"/> or a sentence naming <paramref name="tool"/>.
    /// </summary>
    public static ChildProcess Start(ProcessStartInfo start, string tool, string? cannotStart = null)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InspectionException(cannotStart ?? $"{tool} ({start.FileName}) could not be started: {e.Message}.");
        }

        var child = new ChildProcess(process, tool);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                child.Errors.AppendLine(line);
            }
        };
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the child to exit by itself, at most <paramref name="limit"/>; false when it is still running.</summary>
    public bool WaitForExit(TimeSpan limit) => _process.WaitForExit(limit);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Ends the child and every process it started, at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The sentence for a child stopped at its time limit.</summary>
    public string TimedOutSentence(TimeSpan limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Tool} did not finish within {limit.TotalSeconds:0.#} s and was stopped.");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
