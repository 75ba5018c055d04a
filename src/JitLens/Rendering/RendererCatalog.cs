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
    ];

    public static IReadOnlyList<string> Names => Renderers.Select(r => r.Name).ToList();

    public static IRenderer? Find(string name) =>
        Renderers.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
