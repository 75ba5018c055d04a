using System.Globalization;
using System.Security;
using JitLens.Model;
using JitLens.Rendering;

namespace JitLens.Cfg.Rendering;

/// <summary>
/// <c>--format svg</c>: one SVG document with every unit's laid-out graph under its name, stacked top to bottom,
/// for viewing in a browser without graphviz. It places the drawings the layout stage made and lays nothing out itself.
/// </summary>
public sealed class SvgRenderer : IRenderer
{
    private const double TitleHeight = 24;
    private const double Gap = 16;

    public string Name => "svg";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options)
    {
        var parts = new List<(string Title, string Svg, double Width, double Height)>();
        foreach (var unit in GraphedUnits.Of(result))
        {
            if (unit.Cfg!.Drawing is { } drawing)
            {
                parts.Add(($"{unit.Name}  ({unit.Cfg.View}{(unit.Arch is null ? "" : ", " + unit.Arch)})", drawing.Svg, drawing.Width, drawing.Height));
            }
        }

        var width = parts.Count == 0 ? 480 : parts.Max(p => p.Width);
        var height = parts.Sum(p => TitleHeight + p.Height + Gap) + Gap;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0.#}\" height=\"{Math.Max(height, 40):0.#}\" font-family=\"monospace\">"));
        if (parts.Count == 0)
        {
            output.Write("<text x=\"8\" y=\"24\" font-size=\"12\">No control-flow graphs: they are built from the asm, ptx or sass view.</text>");
        }

        var y = Gap;
        foreach (var (title, svg, _, partHeight) in parts)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y + 16:0.#}\" font-size=\"13\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>"));
            y += TitleHeight;
            output.Write(string.Create(CultureInfo.InvariantCulture, $"<svg x=\"0\" y=\"{y:0.#}\" ") + svg["<svg ".Length..]);
            y += partHeight + Gap;
        }

        output.WriteLine("</svg>");
    }
}
