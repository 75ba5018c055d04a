using System.Globalization;
using System.Security;
using System.Text;
using JitLens.Cfg.Layout;
using JitLens.Model;

namespace JitLens.Cfg;

/// <summary>
/// Lays a graph out with <see cref="LayeredLayout"/> and writes it as SVG. The HTML view relies on the markup:
/// each block is <c>&lt;g class="cfg-block" data-block="B0" data-lines="14 15"&gt;</c>, each edge
/// <c>&lt;path class="cfg-edge" data-from="B0" data-to="B1"&gt;</c>.
/// </summary>
public static class ControlFlowGraphSvg
{
    private const double CharWidth = 6.6;
    private const double LineHeight = 13;
    private const double Padding = 6;
    private const int MaxChars = 72;
    private const int MaxInstructions = 24;

    public static ControlFlowGraphDrawing Draw(ControlFlowGraph graph, string name)
    {
        var texts = graph.Blocks.Select(BlockText).ToList();
        var sizes = texts.Select(t => new LayoutSize(
            Math.Max(48, (t.Max(l => l.Length) * CharWidth) + (2 * Padding)),
            (t.Count * LineHeight) + (2 * Padding) - 2)).ToList();
        var index = graph.Blocks.Select((b, i) => (b.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var edges = graph.Edges.Select(e => (index[e.From], index[e.To])).ToList();
        var layout = LayeredLayout.Compute(sizes, edges);

        var marker = "cfg-arrow-" + MarkerSuffix(name);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cfg\" data-view=\"{Xml(graph.View)}\" width=\"{N(layout.Width)}\" height=\"{N(layout.Height)}\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" font-family=\"monospace\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Xml(name)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><marker id=\"{marker}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>");

        // Edges first so that blocks are drawn over their ends.
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            var kind = edge.Kind.ToString().ToLowerInvariant();
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"cfg-edge cfg-edge-{kind}\" data-from=\"{Xml(edge.From)}\" data-to=\"{Xml(edge.To)}\" d=\"{PathData(layout.Routes[e])}\" fill=\"none\" stroke=\"{Colour(edge.Kind)}\" stroke-width=\"1.2\"{(edge.Kind == ControlFlowEdgeKind.FallThrough ? " stroke-dasharray=\"4 3\"" : "")} marker-end=\"url(#{marker})\"/>");
        }

        for (var b = 0; b < graph.Blocks.Count; b++)
        {
            var block = graph.Blocks[b];
            var corner = layout.Corners[b];
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"cfg-block\" data-block=\"{Xml(block.Id)}\" data-lines=\"{string.Join(' ', block.Lines)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(corner.X)}\" y=\"{N(corner.Y)}\" width=\"{N(sizes[b].Width)}\" height=\"{N(sizes[b].Height)}\" rx=\"3\" fill=\"#fafafa\" stroke=\"#455a64\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(corner.X + Padding)}\" y=\"{N(corner.Y + Padding)}\" fill=\"#212121\" xml:space=\"preserve\">");
            for (var l = 0; l < texts[b].Count; l++)
            {
                var weight = l == 0 ? " font-weight=\"bold\"" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(corner.X + Padding)}\" dy=\"{N(l == 0 ? LineHeight - 3 : LineHeight)}\"{weight}>{Xml(texts[b][l])}</tspan>");
            }

            svg.Append("</text></g>");
        }

        svg.Append("</svg>");
        return new ControlFlowGraphDrawing(svg.ToString(), layout.Width, layout.Height);
    }

    private static List<string> BlockText(BasicBlock block)
    {
        var lines = new List<string> { BlockCaption.Of(block) };
        lines.AddRange(block.Instructions.Take(MaxInstructions).Select(Shorten));
        if (block.Instructions.Count > MaxInstructions)
        {
            lines.Add($"… {block.Instructions.Count - MaxInstructions} more");
        }

        return lines;
    }

    private static string Shorten(string text)
    {
        var flat = text.Replace('\t', ' ').Trim();
        return flat.Length <= MaxChars ? flat : string.Concat(flat.AsSpan(0, MaxChars - 1), "…");
    }

    private static string PathData(EdgeRoute route)
    {
        var p = route.Points;
        if (route.IsSelfLoop)
        {
            return $"M{N(p[0].X)},{N(p[0].Y)} C{N(p[1].X)},{N(p[1].Y)} {N(p[2].X)},{N(p[2].Y)} {N(p[3].X)},{N(p[3].Y)}";
        }

        return "M" + string.Join(" L", p.Select(q => $"{N(q.X)},{N(q.Y)}"));
    }

    private static string Colour(ControlFlowEdgeKind kind) => kind switch
    {
        ControlFlowEdgeKind.Conditional => "#2e7d32",
        ControlFlowEdgeKind.Back => "#c62828",
        ControlFlowEdgeKind.Switch => "#6a1b9a",
        _ => "#455a64",
    };

    // Several graphs share one HTML page: marker ids must differ between them, yet stay stable between runs.
    private static string MarkerSuffix(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Xml(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
