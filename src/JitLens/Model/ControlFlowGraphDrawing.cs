namespace JitLens.Model;

/// <summary>A graph laid out as SVG by the layout stage, with the size it takes, so renderers place it without measuring.</summary>
public sealed record ControlFlowGraphDrawing(string Svg, double Width, double Height);
