using System.Diagnostics;

namespace JitLens.Processes;

/// <summary>Runs a child to its end within a time limit: past it, or on cancellation, the child and its children are killed.</summary>
public static class ChildRun
{
    /// <summary>
    /// Runs <paramref name="start"/> with no input, reading its output (both pipes are drained while waiting, so a chatty
    /// child cannot block on a full pipe). Past <paramref name="limit"/> the result says it timed out; cancellation
    /// kills the child too and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<ChildResult> RunAsync(ProcessStartInfo start, string tool, TimeSpan limit, CancellationToken cancellationToken, string? cannotStart = null)
    {
        using var child = ChildProcess.Start(start, tool, cannotStart);
        if (start.RedirectStandardInput)
        {
            child.Input.Close();
        }

        var output = child.Output.ReadToEndAsync(CancellationToken.None);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(limit);
        var timedOut = false;
        try
        {
            await child.WaitForExitAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        // A grandchild that escaped the kill may hold the pipes open: what came so far is enough.
        var text = await output.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        child.WaitForExit(TimeSpan.FromSeconds(5)); // the last lines of stderr
        return new ChildResult(child.ExitCode ?? -1, text, child.Errors.ToString(), timedOut, child.TimedOutSentence(limit));
    }
}
