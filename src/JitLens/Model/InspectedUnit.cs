namespace JitLens.Model;

/// <summary>One compiled unit (a method, one signature of a Numba function, or a GPU kernel) and all its views.</summary>
public sealed class InspectedUnit
{
    private readonly Dictionary<string, CodeListing> _views = new(StringComparer.Ordinal);

    public InspectedUnit(string name, UnitKind kind, SourceDocument source)
    {
        Name = name;
        Kind = kind;
        Source = source;
    }

    /// <summary>Display name, e.g. <c>Ns.Type.Method(int[])</c> or <c>dot(float64[:], float64[:])</c>.</summary>
    public string Name { get; }

    public UnitKind Kind { get; }

    public SourceDocument Source { get; }

    /// <summary>JIT tier for CPU code (e.g. "FullOpts", "Tier0", "Tier1-PGO"), null where it does not apply.</summary>
    public string? Tier { get; set; }

    /// <summary>GPU target (e.g. "sm_80"), null for CPU code.</summary>
    public string? Arch { get; set; }

    /// <summary>Native code size in bytes, when known.</summary>
    public int? CodeSize { get; set; }

    /// <summary>Signature for multi-signature JITs (Numba), null otherwise.</summary>
    public string? Signature { get; set; }

    /// <summary>The first and last source lines of the unit's body, used to list lines that own no code.</summary>
    public (int First, int Last)? LineRange { get; set; }

    public ControlFlowGraph? Cfg { get; set; }

    /// <summary>Sentences for the user about this unit, e.g. why SASS is unavailable.</summary>
    public IList<string> Notes { get; } = new List<string>();

    public IReadOnlyDictionary<string, CodeListing> Views => _views;

    /// <summary>What Numba's parallel diagnostics report for a <c>parallel=True</c> signature's loops; empty elsewhere.</summary>
    public IList<ParallelDiagnostic> ParallelDiagnostics { get; } = new List<ParallelDiagnostic>();

    /// <summary>Codegen remarks found in the unit's listings, in line order (filled in by the remarks stage).</summary>
    public IList<CodeRemark> Remarks { get; } = new List<CodeRemark>();

    /// <summary>The remarks counted in one sentence ("2 bounds checks kept, 1 allocation inside a loop"); null without remarks.</summary>
    public string? RemarkSummary { get; set; }

    public void AddView(CodeListing listing) => _views[listing.View] = listing;

    /// <summary>
    /// The per-line model: each source line of the unit that owns code in any view (plus every line of
    /// <see cref="LineRange"/>), with that line's instructions per view.
    /// </summary>
    public IReadOnlyList<LineCode> Lines()
    {
        var lines = new SortedSet<int>();
        if (LineRange is { } range)
        {
            for (var l = range.First; l <= range.Last; l++)
            {
                lines.Add(l);
            }
        }

        foreach (var remark in Remarks)
        {
            if (remark.Line is { } l)
            {
                lines.Add(l);
            }
        }

        foreach (var listing in _views.Values)
        {
            foreach (var instruction in listing.Instructions)
            {
                if (instruction.Region == CodeRegion.Body && instruction.Line is { } l)
                {
                    lines.Add(l);
                }
            }
        }

        return lines
            .Select(l => new LineCode(
                l,
                Source.TextOf(l),
                _views.Values.ToDictionary(v => v.View, v => (IReadOnlyList<CodeInstruction>)v.ForLine(l).ToList(), StringComparer.Ordinal))
            {
                Runs = _views.Values.ToDictionary(v => v.View, v => v.RunsForLine(l), StringComparer.Ordinal),
                Inlines = InlinedLines(i => i.InlinedAt == l, i => i.Line),
                InlinedAt = InlinedLines(i => i.Line == l, i => i.InlinedAt),
                Remarks = Remarks.Where(r => r.Line == l).ToList(),
            })
            .ToList();
    }

    private List<int> InlinedLines(Func<CodeInstruction, bool> where, Func<CodeInstruction, int?> select) =>
        _views.Values
            .SelectMany(v => v.Instructions)
            .Where(i => i.Region == CodeRegion.Body && i.InlinedAt is not null && where(i))
            .Select(select)
            .OfType<int>()
            .Distinct()
            .Order()
            .ToList();
}

/// <summary>One source line and the instructions each view attributes to it.</summary>
public sealed record LineCode(int Line, string Source, IReadOnlyDictionary<string, IReadOnlyList<CodeInstruction>> Views)
{
    /// <summary>Per view, the line's code with the exits that follow it, as runs of adjacent code (<see cref="CodeListing.RunsForLine"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<CodeInstruction>>> Runs { get; init; } =
        new Dictionary<string, IReadOnlyList<IReadOnlyList<CodeInstruction>>>(StringComparer.Ordinal);

    /// <summary>The lines of other functions whose code the compiler inlined into this line's call.</summary>
    public IReadOnlyList<int> Inlines { get; init; } = [];

    /// <summary>The lines whose calls this line's code was inlined into (this line belongs to the inlined function).</summary>
    public IReadOnlyList<int> InlinedAt { get; init; } = [];

    /// <summary>The codegen remarks on this line (<see cref="InspectedUnit.Remarks"/>).</summary>
    public IReadOnlyList<CodeRemark> Remarks { get; init; } = [];
}
