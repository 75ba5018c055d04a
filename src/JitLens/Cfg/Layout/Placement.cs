namespace JitLens.Cfg.Layout;

/// <summary>
/// Horizontal positions: each node is pulled towards the mean of its neighbours, solved per layer as a least-squares
/// problem under "keep the order, keep a gap" constraints (pool-adjacent-violators), alternating downwards and upwards.
/// </summary>
internal static class Placement
{
    private const int Passes = 8;

    public static double[] Place(LayeredGraph graph, List<List<int>> order, double gap)
    {
        var x = new double[graph.Count];
        foreach (var layer in order)
        {
            var cursor = 0.0;
            foreach (var v in layer)
            {
                x[v] = cursor + (graph.Width[v] / 2);
                cursor += graph.Width[v] + gap;
            }
        }

        for (var pass = 0; pass < Passes; pass++)
        {
            var down = pass % 2 == 0;
            var last = pass == Passes - 1;
            var sequence = down ? order : Enumerable.Reverse(order);
            foreach (var layer in sequence)
            {
                var desired = layer.Select(v =>
                {
                    var neighbours = last ? graph.Up[v].Concat(graph.Down[v]).ToList() : (down ? graph.Up[v] : graph.Down[v]);
                    return neighbours.Count == 0 ? x[v] : neighbours.Average(u => x[u]);
                }).ToList();
                var placed = Solve(layer.Select(v => graph.Width[v]).ToList(), desired, gap);
                for (var i = 0; i < layer.Count; i++)
                {
                    x[layer[i]] = placed[i];
                }
            }
        }

        return x;
    }

    /// <summary>Minimises Σ(xᵢ − desiredᵢ)² subject to xᵢ₊₁ − xᵢ ≥ (wᵢ + wᵢ₊₁)/2 + gap.</summary>
    internal static double[] Solve(IReadOnlyList<double> widths, IReadOnlyList<double> desired, double gap)
    {
        var n = widths.Count;
        var offset = new double[n];
        for (var i = 1; i < n; i++)
        {
            offset[i] = offset[i - 1] + ((widths[i - 1] + widths[i]) / 2) + gap;
        }

        // With yᵢ = xᵢ − offsetᵢ the constraints become y non-decreasing: isotonic regression.
        var blocks = new List<(double Sum, int Count)>();
        for (var i = 0; i < n; i++)
        {
            blocks.Add((desired[i] - offset[i], 1));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Count > blocks[^1].Sum / blocks[^1].Count)
            {
                var merged = (blocks[^2].Sum + blocks[^1].Sum, blocks[^2].Count + blocks[^1].Count);
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = merged;
            }
        }

        var result = new double[n];
        var k = 0;
        foreach (var (sum, count) in blocks)
        {
            for (var j = 0; j < count; j++, k++)
            {
                result[k] = (sum / count) + offset[k];
            }
        }

        return result;
    }
}
