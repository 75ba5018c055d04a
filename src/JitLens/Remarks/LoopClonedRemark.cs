using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A loop the JIT cloned: two loops of the asm, neither inside the other, made of the same source line's code. The JIT
/// clones a loop into a fast copy (checks hoisted out) and a slow one; two separate loops of one line are read the same
/// way, so the remark is inferred.
/// </summary>
public sealed class LoopClonedRemark : RemarkKind
{
    public override string Name => "loop-cloned";

    public override string Singular => "cloned loop";

    public override string Plural => "cloned loops";

    public override RemarkEvidence Evidence => RemarkEvidence.Inferred;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        if (facts.DotnetAsm is not { } asm)
        {
            yield break;
        }

        var instructions = asm.Instructions;
        var loops = facts.LoopsOf(asm).Loops;
        var rangeChecks = facts.RangeChecks.Select(c => c.Branch).ToHashSet();
        var reported = new HashSet<int>();
        for (var a = 0; a < loops.Count; a++)
        {
            for (var b = a + 1; b < loops.Count; b++)
            {
                if (Overlap(loops[a], loops[b]))
                {
                    continue;
                }

                var shared = Lines(instructions, loops[a]).Intersect(Lines(instructions, loops[b])).Order().ToList();
                if (shared.Count == 0 || !reported.Add(shared[0]))
                {
                    continue;
                }

                var checkedCopies = new[] { loops[a], loops[b] }.Count(loop => loop.Overlaps(rangeChecks));
                var detail = checkedCopies == 1 ? " (a fast copy without bounds checks, and a slow copy with them)" : string.Empty;
                yield return Remark(shared[0], $"loop cloned: the code of this line is in two copies of a loop{detail}", asm.View, inLoop: true);
            }
        }
    }

    private static bool Overlap(IReadOnlySet<int> a, IReadOnlySet<int> b) => a.Overlaps(b);

    private static IEnumerable<int> Lines(IReadOnlyList<CodeInstruction> instructions, IReadOnlySet<int> loop) =>
        loop.Where(i => instructions[i].Region == CodeRegion.Body && instructions[i].Line is not null).Select(i => instructions[i].Line!.Value);
}
