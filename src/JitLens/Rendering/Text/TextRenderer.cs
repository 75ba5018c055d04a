using JitLens.Model;

namespace JitLens.Rendering.Text;

/// <summary>Text: each source line followed by its instructions per view, coloured when the output is a colour terminal.</summary>
internal sealed class TextRenderer : IRenderer
{
    public string Name => "text";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options)
    {
        foreach (var line in TextLayout.Lines(result, options))
        {
            output.WriteLine(options.Color
                ? string.Concat(line.Select(s => AnsiColours.Paint(s.Text, s.Style)))
                : string.Concat(line.Select(s => s.Text)));
        }
    }
}
