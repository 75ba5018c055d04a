namespace JitLens.Cfg.Layout;

/// <summary>The proper layered graph: real nodes first, then dummy nodes; every edge joins adjacent layers.</summary>
internal sealed class LayeredGraph
{
    public LayeredGraph(List<double> widths, int[] layers)
    {
        Width = widths;
        Layer = layers.ToList();
        RealCount = widths.Count;
        for (var v = 0; v < widths.Count; v++)
        {
            Up.Add([]);
            Down.Add([]);
        }
    }

    public List<double> Width { get; }

    public List<int> Layer { get; }

    /// <summary>Neighbours one layer above (predecessors) and one layer below (successors).</summary>
    public List<List<int>> Up { get; } = [];

    public List<List<int>> Down { get; } = [];

    public int RealCount { get; }

    public int Count => Width.Count;

    /// <summary>Joins <paramref name="from"/> to <paramref name="to"/> through dummies; returns the dummies, top to bottom.</summary>
    public List<int> AddChain(int from, int to, double dummyWidth)
    {
        var dummies = new List<int>();
        var previous = from;
        for (var l = Layer[from] + 1; l < Layer[to]; l++)
        {
            var d = Count;
            Width.Add(dummyWidth);
            Layer.Add(l);
            Up.Add([]);
            Down.Add([]);
            Link(previous, d);
            dummies.Add(d);
            previous = d;
        }

        Link(previous, to);
        return dummies;
    }

    private void Link(int upper, int lower)
    {
        Down[upper].Add(lower);
        Up[lower].Add(upper);
    }
}
