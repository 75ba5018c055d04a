using JitLens.Model;

namespace JitLens.Rendering;

/// <summary>Turns the model into one output format. Renderers never compute mappings: they only read the model.</summary>
public interface IRenderer
{
    /// <summary>The format's name as used in <c>--format</c>: text, json, html.</summary>
    string Name { get; }

    void Render(InspectionResult result, TextWriter output, RenderOptions options);
}

/// <summary>Options every renderer may honour.</summary>
public sealed record RenderOptions
{
    /// <summary>Views to show, in order; empty = every view present in the model.</summary>
    public IReadOnlyList<string> Views { get; init; } = [];

    /// <summary>Whether the output goes to a colour terminal (text renderer only).</summary>
    public bool Color { get; init; }
}
