using JitLens.Rendering.Json;
using JitLens.Rendering.Text;

namespace JitLens.Rendering;

/// <summary>The one place where output formats are registered, looked up by name.</summary>
public static class RendererCatalog
{
    private static readonly IReadOnlyList<IRenderer> Renderers =
    [
        // text first: the default format.
        new TextRenderer(),
        new JsonRenderer(),

        // The interactive view: shared by `jitlens inspect --format html` and the Jupyter kernel.
        new Html.HtmlRenderer(),

        // The same view as a fragment scoped to its own root, for IPython's %%jitlens output.
        new Html.HtmlFragmentRenderer(),

        // Control-flow graphs alone: DOT for graphviz users, and the offline SVG layout for everyone else.
        new Cfg.Rendering.DotRenderer(),
        new Cfg.Rendering.SvgRenderer(),
    ];

    public static IReadOnlyList<string> Names => Renderers.Select(r => r.Name).ToList();

    public static IRenderer? Find(string name) =>
        Renderers.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
