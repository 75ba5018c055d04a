using JitLens.Pipeline;

namespace JitLens.Remarks;

/// <summary>Derives the codegen remarks of every unit (the <see cref="Views.RemarksView"/>) from the listings the capture stages made.</summary>
public sealed class RemarksStage : IInspectionStage
{
    public string Name => Views.RemarksView.Id;

    public bool AppliesTo(InspectionContext context) => context.Request.Wants(Views.RemarksView.Id);

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        foreach (var unit in context.Result.Methods.Concat(context.Result.Kernels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RemarkAnalysis.Annotate(unit);
        }

        return Task.CompletedTask;
    }
}
