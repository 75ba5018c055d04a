using JitLens.Model;

namespace JitLens.Rendering.Text;

/// <summary>Plain text: each source line followed by its instructions per view (the CLI colours the same layout).</summary>
internal sealed class TextRenderer : IRenderer
{
    public string Name => "text";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options)
    {
        foreach (var line in TextLayout.Lines(result, options))
        {
            output.WriteLine(string.Concat(line.Select(s => s.Text)));
        }
    }
}
