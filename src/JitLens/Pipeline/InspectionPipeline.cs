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
        foreach (var stage in _stages)
        {
            if (stage.AppliesTo(context))
            {
                await stage.RunAsync(context, cancellationToken).ConfigureAwait(false);
            }
        }

        return context;
    }
}
