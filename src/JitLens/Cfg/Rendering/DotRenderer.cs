using JitLens.Model;
using JitLens.Rendering;

namespace JitLens.Cfg.Rendering;

/// <summary><c>--format dot</c>: every unit's control-flow graph as Graphviz DOT, one digraph per unit.</summary>
public sealed class DotRenderer : IRenderer
{
    public string Name => "dot";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options)
    {
        var units = GraphedUnits.Of(result);
        if (units.Count == 0)
        {
            output.WriteLine("// No control-flow graphs: they are built from the asm, ptx or sass view.");
            return;
        }

        foreach (var unit in units)
        {
            output.Write(ControlFlowGraphDot.Write(unit.Cfg!, unit.Name));
        }
    }
}
