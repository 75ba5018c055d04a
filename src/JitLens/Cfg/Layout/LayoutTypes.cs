namespace JitLens.Cfg.Layout;

public readonly record struct LayoutSize(double Width, double Height);

public readonly record struct LayoutPoint(double X, double Y);

/// <summary>Where each node sits (top-left corner) and the polyline of each edge, in input order.</summary>
public sealed record LayoutResult(
    IReadOnlyList<LayoutPoint> Corners,
    IReadOnlyList<EdgeRoute> Routes,
    double Width,
    double Height);

/// <summary>The points of one edge from its source to its target; a self-loop is drawn as a curve on the node's right.</summary>
public sealed record EdgeRoute(IReadOnlyList<LayoutPoint> Points, bool IsSelfLoop);
