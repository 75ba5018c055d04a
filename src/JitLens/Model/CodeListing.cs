namespace JitLens.Model;

/// <summary>Everything one view (il, asm, ir, ptx, sass, bytecode, numba_ir, llvm) shows for one unit, in emission order.</summary>
public sealed class CodeListing
{
    public CodeListing(string view, IReadOnlyList<CodeInstruction> instructions)
    {
        View = view;
        Instructions = instructions;
    }

    /// <summary>The view's name as used in <c>--view</c> and in the JSON contract.</summary>
    public string View { get; }

    public IReadOnlyList<CodeInstruction> Instructions { get; }

    /// <summary>Instructions attributed to <paramref name="line"/>, in emission order.</summary>
    public IEnumerable<CodeInstruction> ForLine(int line) =>
        Instructions.Where(i => i.Region == CodeRegion.Body && i.Line == line);

    /// <summary>Instructions outside the user's lines, grouped by region, so that renderers can show them as such.</summary>
    public IEnumerable<CodeInstruction> InRegion(CodeRegion region) =>
        Instructions.Where(i => i.Region == region);

    /// <summary>
    /// What a view shows under <paramref name="line"/>: its instructions and the exits that follow them
    /// (<see cref="CodeInstruction.FollowsLine"/>), in emission order, split into runs of instructions that are
    /// adjacent in the code, so that a reader never takes the end of one run to fall through into the next.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<CodeInstruction>> RunsForLine(int line) =>
        Runs(i => (i.Region == CodeRegion.Body && i.Line == line) || i.FollowsLine == line || i.PlacedUnder.Contains(line));

    /// <summary>The instructions of <paramref name="region"/> that <see cref="RunsForLine"/> does not show under a line.</summary>
    public IEnumerable<CodeInstruction> OutsideLines(CodeRegion region) =>
        InRegion(region).Where(i => IsOutsideLines(i, region));

    /// <summary>
    /// <see cref="OutsideLines"/> as runs of adjacent code: a method's prolog and its funclets' prologs, or unmapped code
    /// from several places, are not one sequence.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<CodeInstruction>> RunsOutsideLines(CodeRegion region) => Runs(i => IsOutsideLines(i, region));

    private static bool IsOutsideLines(CodeInstruction instruction, CodeRegion region) =>
        instruction.Region == region && instruction.FollowsLine is null && instruction.PlacedUnder.Count == 0;

    private List<IReadOnlyList<CodeInstruction>> Runs(Func<CodeInstruction, bool> shown)
    {
        var runs = new List<IReadOnlyList<CodeInstruction>>();
        List<CodeInstruction>? run = null;
        var previous = -2;
        for (var i = 0; i < Instructions.Count; i++)
        {
            if (!shown(Instructions[i]))
            {
                continue;
            }

            if (run is null || i != previous + 1)
            {
                run = [];
                runs.Add(run);
            }

            run.Add(Instructions[i]);
            previous = i;
        }

        return runs;
    }
}
