using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Cfg;

/// <summary>Lays out every graph built so far as SVG (<see cref="Model.ControlFlowGraph.Drawing"/>), for the HTML view and files.</summary>
public sealed class ControlFlowGraphLayoutStage : IInspectionStage
{
    public string Name => "cfg-layout";

    public bool AppliesTo(InspectionContext context) => context.Request.Wants(CfgView.Id);

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        foreach (var unit in context.Result.Methods.Concat(context.Result.Kernels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (unit.Cfg is { Drawing: null } graph)
            {
                graph.Drawing = ControlFlowGraphSvg.Draw(graph, unit.Name);
            }
        }

        return Task.CompletedTask;
    }
}
