namespace JitLens.Rendering;

/// <summary>The one place where output formats are registered, looked up by name.</summary>
public static class RendererCatalog
{
    private static readonly IReadOnlyList<IRenderer> Renderers =
    [
        // The interactive view: shared by `jitlens inspect --format html` and the Jupyter kernel.
        new Html.HtmlRenderer(),
    ];

    public static IReadOnlyList<string> Names => Renderers.Select(r => r.Name).ToList();

    public static IRenderer? Find(string name) =>
        Renderers.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
