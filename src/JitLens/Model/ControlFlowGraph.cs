namespace JitLens.Model;

/// <summary>A basic block: a straight run of instructions, linked to the source lines it came from.</summary>
public sealed record BasicBlock(string Id, IReadOnlyList<int> Lines, IReadOnlyList<string> Instructions);

/// <summary>A directed edge between two blocks.</summary>
public sealed record ControlFlowEdge(string From, string To, ControlFlowEdgeKind Kind = ControlFlowEdgeKind.Jump);

public enum ControlFlowEdgeKind
{
    Jump,
    FallThrough,
    Conditional,
    Back,

    /// <summary>One way out of a jump table (an indirect jmp whose table was read).</summary>
    Switch,
}

/// <summary>The control-flow graph of one view of one unit (asm for CPU methods, SASS or PTX for kernels).</summary>
public sealed class ControlFlowGraph
{
    public ControlFlowGraph(string view, IReadOnlyList<BasicBlock> blocks, IReadOnlyList<ControlFlowEdge> edges)
    {
        View = view;
        Blocks = blocks;
        Edges = edges;
    }

    /// <summary>The view the graph was built from.</summary>
    public string View { get; }

    public IReadOnlyList<BasicBlock> Blocks { get; }

    public IReadOnlyList<ControlFlowEdge> Edges { get; }

    /// <summary>The graph laid out as SVG, filled in by the layout stage; renderers embed it as is.</summary>
    public ControlFlowGraphDrawing? Drawing { get; set; }

    /// <summary>The drawing's SVG markup, or null before the layout stage ran.</summary>
    public string? Svg => Drawing?.Svg;
}
