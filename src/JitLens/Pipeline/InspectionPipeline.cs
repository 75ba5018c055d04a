using System.Diagnostics;

namespace JitLens.Pipeline;

/// <summary>Runs the registered stages in order. The order is the one in <see cref="PipelineStages"/>.</summary>
public sealed class InspectionPipeline
{
    private readonly IReadOnlyList<IInspectionStage> _stages;

    public InspectionPipeline(IReadOnlyList<IInspectionStage>? stages = null)
    {
        _stages = stages ?? PipelineStages.All;
    }

    public async Task<InspectionContext> RunAsync(InspectRequest request, CancellationToken cancellationToken = default)
    {
        var context = new InspectionContext(request);
        try
        {
            foreach (var stage in _stages)
            {
                if (stage.AppliesTo(context))
                {
                    var started = Stopwatch.GetTimestamp();
                    await stage.RunAsync(context, cancellationToken).ConfigureAwait(false);
                    context.StageTimings.Add(new StageTiming(stage.Name, Stopwatch.GetElapsedTime(started)));
                }
            }
        }
        finally
        {
            context.EarlyJitHost?.Dispose();
            RemoveTemporaryDirectories(context);
        }

        return context;
    }

    private static void RemoveTemporaryDirectories(InspectionContext context)
    {
        foreach (var directory in context.TemporaryDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a file still open (e.g. by a child process being torn down) must not hide the result.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
