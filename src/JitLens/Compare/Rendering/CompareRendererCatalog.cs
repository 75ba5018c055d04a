namespace JitLens.Compare.Rendering;

/// <summary>The one place where the formats of <c>jitlens diff</c> are registered, looked up by name.</summary>
public static class CompareRendererCatalog
{
    private static readonly IReadOnlyList<ICompareRenderer> Renderers =
    [
        // text first: the default format.
        new CompareTextRenderer(),
        new CompareJsonRenderer(),

        // Two listings with synchronised selection and scrolling, self-contained like the inspection's HTML view.
        new CompareHtmlRenderer(),

        // The same view inside a notebook's page (the IPython magic), after the document it is part of.
        new CompareHtmlFragmentRenderer(),
    ];

    public static IReadOnlyList<string> Names => Renderers.Select(r => r.Name).ToList();

    public static ICompareRenderer? Find(string name) =>
        Renderers.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
