using JitLens.Model;

namespace JitLens.Rendering.Html;

/// <summary>
/// The interactive view as a fragment for a page it does not own (an IPython cell's output): one root element whose
/// styles and script are scoped to it, as the Jupyter kernel shows it, with no document-wide styles.
/// </summary>
public sealed class HtmlFragmentRenderer : IRenderer
{
    public string Name => "html-fragment";

    public void Render(InspectionResult result, TextWriter output, RenderOptions options) =>
        HtmlView.Write(result, output, options, HtmlView.NewRootId());
}
