using System.Globalization;
using JitLens.Model;

namespace JitLens.Rendering.Html;

public static partial class HtmlView
{
    /// <summary>
    /// The laid-out SVG is embedded as the layout stage produced it (blocks are <c>g.cfg-block</c> with
    /// <c>data-lines</c>); without one, the blocks are listed with the same classes so the view behaves alike.
    /// </summary>
    private static void WriteCfg(ControlFlowGraph cfg, TextWriter output)
    {
        output.Write($"<div class=\"jl-pane jl-cfg\" role=\"tabpanel\" data-view=\"cfg\" data-cfg-view=\"{Encode(cfg.View)}\">\n");
        output.Write("<div class=\"jl-pane-title\">cfg</div>\n");
        output.Write($"<div class=\"jl-cfg-caption\">control flow of the {Encode(cfg.View)} view; click a block to highlight its lines</div>\n");
        if (cfg.Svg is { } svg)
        {
            output.Write(svg);
        }
        else
        {
            WriteBlockList(cfg, output);
        }

        output.Write("\n</div>\n");
    }

    private static void WriteBlockList(ControlFlowGraph cfg, TextWriter output)
    {
        output.Write("<div class=\"jl-cfg-list\">\n");
        foreach (var block in cfg.Blocks)
        {
            var lines = string.Join(' ', block.Lines.Select(l => l.ToString(CultureInfo.InvariantCulture)));
            var successors = cfg.Edges.Where(e => e.From == block.Id).Select(e => e.To).ToList();
            output.Write($"<div class=\"cfg-block\" data-block=\"{Encode(block.Id)}\" data-lines=\"{lines}\">");
            output.Write($"<div class=\"jl-cfg-head\">{Encode(block.Id)}");
            if (lines.Length > 0)
            {
                output.Write($" · lines {lines}");
            }

            if (successors.Count > 0)
            {
                output.Write($" → {Encode(string.Join(", ", successors))}");
            }

            output.Write("</div>");
            foreach (var instruction in block.Instructions)
            {
                output.Write($"<code>{Encode(instruction)}</code>");
            }

            output.Write("</div>\n");
        }

        output.Write("</div>");
    }
}
