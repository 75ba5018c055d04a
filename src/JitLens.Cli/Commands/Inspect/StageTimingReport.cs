using System.Diagnostics;
using System.Globalization;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>
/// `--timings`: where a run's wall time went, from process start (runtime and CLI start-up) through each pipeline stage
/// to the written output, so that a slow inspection can be blamed on the right part.
/// </summary>
internal static class StageTimingReport
{
    public static async Task WriteAsync(TextWriter writer, IEnumerable<StageTiming> stages, long pipelineStarted, long renderStarted)
    {
        var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var startUp = sinceProcessStart - Stopwatch.GetElapsedTime(pipelineStarted);
        var rows = new List<(string Name, TimeSpan Elapsed)> { ("start-up", startUp) };
        rows.AddRange(stages.Select(s => (s.Stage, s.Elapsed)));
        rows.Add(("output", Stopwatch.GetElapsedTime(renderStarted)));
        rows.Add(("total", sinceProcessStart));
        foreach (var (name, elapsed) in rows)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"jitlens: {name,-16} {elapsed.TotalMilliseconds,7:F0} ms")).ConfigureAwait(false);
        }
    }
}
