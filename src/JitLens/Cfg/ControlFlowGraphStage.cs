using JitLens.Model;
using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Cfg;

/// <summary>
/// Builds <see cref="InspectedUnit.Cfg"/> for every unit: CPU methods from their x64 asm, kernels from SASS
/// when the toolkit produced it, else from PTX (the closest code to the hardware that we have).
/// </summary>
public sealed class ControlFlowGraphStage : IInspectionStage
{
    public string Name => CfgView.Id;

    public bool AppliesTo(InspectionContext context) => context.Request.Wants(CfgView.Id);

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        foreach (var unit in context.Result.Methods.Concat(context.Result.Kernels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            unit.Cfg ??= SourceListing(unit) is { } listing ? ControlFlowGraphBuilder.Build(listing) : null;
        }

        return Task.CompletedTask;
    }

    /// <summary>The view a unit's graph is built from: the lowest-level code it has.</summary>
    public static CodeListing? SourceListing(InspectedUnit unit)
    {
        return ViewCatalog.CfgSources(unit.Kind).Select(v => unit.Views.GetValueOrDefault(v)).FirstOrDefault(l => l is not null);
    }
}
