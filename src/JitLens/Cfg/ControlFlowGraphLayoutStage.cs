using JitLens.Pipeline;
using JitLens.Views;

namespace JitLens.Cfg;

/// <summary>Lays out every graph built so far as SVG (<see cref="Model.ControlFlowGraph.Svg"/>), for the HTML view and files.</summary>
public sealed class ControlFlowGraphLayoutStage : IInspectionStage
{
    public string Name => "cfg-layout";

    public bool AppliesTo(InspectionContext context) => context.Request.Wants(CfgView.Id);

    public Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        foreach (var unit in context.Result.Methods.Concat(context.Result.Kernels))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (unit.Cfg is { Svg: null } graph)
            {
                graph.Svg = ControlFlowGraphSvg.Write(graph, unit.Name);
            }
        }

        return Task.CompletedTask;
    }
}
