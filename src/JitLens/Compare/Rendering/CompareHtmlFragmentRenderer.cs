namespace JitLens.Compare.Rendering;

/// <summary>
/// The compare view as a fragment for a page it does not own (the <c>%%jitlens --compare-…</c> cell's output): one
/// root element with its style and script inside it and no document-wide styles, as <c>%%inspect --compare</c> shows it.
/// </summary>
public sealed class CompareHtmlFragmentRenderer : ICompareRenderer
{
    public string Name => "html-fragment";

    public void Render(InspectionComparison comparison, TextWriter output, CompareRenderOptions options) =>
        CompareHtmlRenderer.WriteFragment(comparison, output);
}
