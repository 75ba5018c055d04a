using JitLens.Pipeline;

namespace JitLens.Remarks;

/// <summary>Derives the codegen remarks of every unit from the listings the capture stages made.</summary>
public sealed class RemarksStage : IInspectionStage
{
    public const string View = "remarks";

    public string Name => View;

    public bool AppliesTo(InspectionContext context) => context.Request.Wants(View);

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
