namespace JitLens.Compare.Rendering;

/// <summary>Turns a comparison into one output format; like the inspection renderers, it only reads the model.</summary>
public interface ICompareRenderer
{
    /// <summary>The format's name as used in <c>jitlens diff --format</c>: text, json, html.</summary>
    string Name { get; }

    void Render(InspectionComparison comparison, TextWriter output, CompareRenderOptions options);
}
