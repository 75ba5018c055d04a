using System.Text;
using JitLens.Model;

namespace JitLens.Cfg;

/// <summary>Graphviz DOT text of a graph, for users who have graphviz elsewhere or want to post-process the graph.</summary>
public static class ControlFlowGraphDot
{
    public static string Write(ControlFlowGraph graph, string name)
    {
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(name)).AppendLine(" {");
        dot.AppendLine("  node [shape=box, fontname=\"monospace\", fontsize=10];");
        foreach (var block in graph.Blocks)
        {
            var label = new StringBuilder();
            label.Append(Escape(BlockCaption.Of(block))).Append("\\l");
            foreach (var instruction in block.Instructions)
            {
                label.Append(Escape(instruction)).Append("\\l");
            }

            dot.Append("  ").Append(Quote(block.Id)).Append(" [label=\"").Append(label).AppendLine("\"];");
        }

        foreach (var edge in graph.Edges)
        {
            dot.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To));
            dot.AppendLine(edge.Kind switch
            {
                ControlFlowEdgeKind.Conditional => " [color=\"#2e7d32\"];",
                ControlFlowEdgeKind.FallThrough => " [style=dashed];",
                ControlFlowEdgeKind.Back => " [color=\"#c62828\", constraint=false];",
                ControlFlowEdgeKind.Switch => " [color=\"#6a1b9a\"];",
                _ => ";",
            });
        }

        dot.AppendLine("}");
        return dot.ToString();
    }

    private static string Quote(string id) => "\"" + Escape(id) + "\"";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
