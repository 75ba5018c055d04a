namespace JitLens.Cfg.Layout;

/// <summary>Orders each layer to reduce crossings: barycentre sweeps down and up, keeping the best order seen.</summary>
internal static class Ordering
{
    private const int Sweeps = 8;

    public static List<List<int>> Order(LayeredGraph graph)
    {
        var layerCount = graph.Layer.Count == 0 ? 0 : graph.Layer.Max() + 1;
        var layers = Enumerable.Range(0, layerCount).Select(_ => new List<int>()).ToList();
        for (var v = 0; v < graph.Count; v++)
        {
            layers[graph.Layer[v]].Add(v); // emission order first: reads like the listing when nothing crosses
        }

        var best = Copy(layers);
        var bestCrossings = Crossings(graph, layers);
        for (var sweep = 0; sweep < Sweeps && bestCrossings > 0; sweep++)
        {
            var down = sweep % 2 == 0;
            for (var i = 1; i < layerCount; i++)
            {
                var l = down ? i : layerCount - 1 - i;
                var reference = layers[down ? l - 1 : l + 1];
                var position = new Dictionary<int, int>();
                for (var p = 0; p < reference.Count; p++)
                {
                    position[reference[p]] = p;
                }

                var current = layers[l];
                var keys = current.Select((v, p) =>
                {
                    var neighbours = down ? graph.Up[v] : graph.Down[v];
                    return neighbours.Count == 0 ? p : neighbours.Average(u => position[u]);
                }).ToList();
                layers[l] = current.Select((v, p) => (v, key: keys[p], p)).OrderBy(t => t.key).ThenBy(t => t.p).Select(t => t.v).ToList();
            }

            var crossings = Crossings(graph, layers);
            if (crossings < bestCrossings)
            {
                bestCrossings = crossings;
                best = Copy(layers);
            }
        }

        return best;
    }

    private static List<List<int>> Copy(List<List<int>> layers) => layers.Select(l => l.ToList()).ToList();

    private static long Crossings(LayeredGraph graph, List<List<int>> layers)
    {
        long total = 0;
        for (var l = 0; l + 1 < layers.Count; l++)
        {
            var below = new Dictionary<int, int>();
            for (var p = 0; p < layers[l + 1].Count; p++)
            {
                below[layers[l + 1][p]] = p;
            }

            var ends = new List<(int Top, int Bottom)>();
            for (var p = 0; p < layers[l].Count; p++)
            {
                ends.AddRange(graph.Down[layers[l][p]].Select(s => (p, below[s])));
            }

            for (var i = 0; i < ends.Count; i++)
            {
                for (var j = i + 1; j < ends.Count; j++)
                {
                    if ((ends[i].Top - ends[j].Top) * (long)(ends[i].Bottom - ends[j].Bottom) < 0)
                    {
                        total++;
                    }
                }
            }
        }

        return total;
    }
}
