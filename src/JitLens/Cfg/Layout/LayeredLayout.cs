using System.Diagnostics;

namespace JitLens.Cfg.Layout;

/// <summary>
/// A small Sugiyama-style layered layout, so that graphs render offline without a system graphviz:
/// break cycles, assign layers, route long edges through dummy nodes, order layers by barycentres,
/// then place nodes horizontally with a least-squares pass that keeps them apart.
/// </summary>
public static partial class LayeredLayout
{
    internal const double LayerGap = 36;
    internal const double NodeGap = 28;
    internal const double Margin = 16;
    internal const double SelfLoopReach = 28;
    private const double DummyWidth = 6;

    public static LayoutResult Compute(IReadOnlyList<LayoutSize> sizes, IReadOnlyList<(int From, int To)> edges)
    {
        var n = sizes.Count;
        if (n == 0)
        {
            return new LayoutResult([], [], 2 * Margin, 2 * Margin);
        }

        // 1. Cycles: reversing the DFS back edges leaves a DAG with the same nodes.
        var back = ControlFlowGraphBuilder.BackEdges(n, edges.Where(e => e.From != e.To).ToList());
        var dagEdges = edges
            .Where(e => e.From != e.To)
            .Select(e => back.Contains(e) ? (e.To, e.From) : e)
            .Distinct()
            .ToList();

        // 2. Layers by longest path from the sources: the entry on top, exits at the bottom.
        var layerOf = LongestPathLayers(n, dagEdges);

        // 3. Long edges pass through one dummy node per layer they cross, so that they can bend around blocks.
        var graph = new LayeredGraph(sizes.Select(s => s.Width).ToList(), layerOf);
        var chains = dagEdges.ToDictionary(e => e, e => graph.AddChain(e.Item1, e.Item2, DummyWidth));

        // 4. and 5. Order within layers, then x positions.
        var order = Ordering.Order(graph);
        var x = Placement.Place(graph, order, NodeGap);

        // 6. y positions: each layer as tall as its tallest node.
        var layerCount = order.Count;
        var layerHeight = new double[layerCount];
        for (var v = 0; v < n; v++)
        {
            layerHeight[layerOf[v]] = Math.Max(layerHeight[layerOf[v]], sizes[v].Height);
        }

        var layerTop = new double[layerCount];
        var top = Margin;
        for (var l = 0; l < layerCount; l++)
        {
            layerTop[l] = top;
            top += Math.Max(layerHeight[l], 8) + LayerGap;
        }

        var minLeft = Enumerable.Range(0, graph.Count).Min(v => x[v] - (graph.Width[v] / 2));
        var shift = Margin - minLeft;
        var corners = Enumerable.Range(0, n)
            .Select(v => new LayoutPoint(x[v] + shift - (sizes[v].Width / 2), layerTop[layerOf[v]]))
            .ToList();
        LayoutPoint Center(int v) => new(x[v] + shift, layerTop[graph.Layer[v]] + (Math.Max(layerHeight[graph.Layer[v]], 8) / 2));

        var routes = edges.Select(e => Route(e, back.Contains(e), chains, corners, sizes, Center)).ToList();
        var width = Enumerable.Range(0, graph.Count).Max(v => x[v] + shift + (graph.Width[v] / 2)) + Margin + SelfLoopReach;
        return new LayoutResult(corners, routes, width, top - LayerGap + Margin);
    }

    private static EdgeRoute Route(
        (int From, int To) edge,
        bool isBack,
        Dictionary<(int, int), List<int>> chains,
        List<LayoutPoint> corners,
        IReadOnlyList<LayoutSize> sizes,
        Func<int, LayoutPoint> center)
    {
        var (from, to) = edge;
        if (from == to)
        {
            var c = corners[from];
            var right = c.X + sizes[from].Width;
            var h = sizes[from].Height;
            return new EdgeRoute(
                [new(right, c.Y + (h * 0.35)), new(right + SelfLoopReach, c.Y + (h * 0.35)), new(right + SelfLoopReach, c.Y + (h * 0.65)), new(right, c.Y + (h * 0.65))],
                IsSelfLoop: true);
        }

        var dagFrom = isBack ? to : from;
        var dagTo = isBack ? from : to;
        var chain = chains[(dagFrom, dagTo)];

        // Back edges leave and enter at the right of their blocks, so they never lie on top of the forward edge.
        var side = isBack ? 0.3 : 0.0;
        var points = new List<LayoutPoint>
        {
            new(corners[dagFrom].X + (sizes[dagFrom].Width * (0.5 + side)), corners[dagFrom].Y + sizes[dagFrom].Height),
        };
        points.AddRange(chain.Select(d => center(d) with { X = center(d).X + (isBack ? DummyWidth : 0) }));
        points.Add(new(corners[dagTo].X + (sizes[dagTo].Width * (0.5 + side)), corners[dagTo].Y));
        if (isBack)
        {
            points.Reverse();
        }

        Debug.Assert(points.Count >= 2, "an edge has two ends");
        return new EdgeRoute(points, IsSelfLoop: false);
    }

    private static int[] LongestPathLayers(int n, List<(int From, int To)> dagEdges)
    {
        var indegree = new int[n];
        var successors = Enumerable.Range(0, n).Select(_ => new List<int>()).ToList();
        foreach (var (from, to) in dagEdges)
        {
            successors[from].Add(to);
            indegree[to]++;
        }

        var layer = new int[n];
        var ready = new Queue<int>(Enumerable.Range(0, n).Where(v => indegree[v] == 0));
        while (ready.Count > 0)
        {
            var v = ready.Dequeue();
            foreach (var s in successors[v])
            {
                layer[s] = Math.Max(layer[s], layer[v] + 1);
                if (--indegree[s] == 0)
                {
                    ready.Enqueue(s);
                }
            }
        }

        return layer;
    }
}
