namespace JitLens.Model;

/// <summary>
/// A codegen remark: something about a line's code a reader wants to know without reading every instruction (a bounds
/// check the JIT kept, an allocation, a call it did not inline), derived from the captured listings.
/// </summary>
/// <param name="Kind">The remark's short name, shown as a badge: <c>bounds-check</c>, <c>allocation</c>, ...</param>
/// <param name="Line">The source line the remark belongs to, or null where the code it comes from has no line.</param>
/// <param name="Message">One sentence for the reader: what was found and why it matters.</param>
/// <param name="Evidence">Whether the instruction that proves it is right there, or the remark is a reading of a pattern.</param>
/// <param name="View">The listing the evidence is in (asm, il, llvm, ptx, sass, numba_ir).</param>
public sealed record CodeRemark(string Kind, int? Line, string Message, RemarkEvidence Evidence, string View)
{
    /// <summary>Whether the evidence sits inside a loop of its listing (the summary counts those apart).</summary>
    public bool InLoop { get; init; }
}
