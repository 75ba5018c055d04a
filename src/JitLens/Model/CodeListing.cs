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
}
