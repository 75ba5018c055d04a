using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// A loop Numba parallelised (<c>parallel=True</c>): a parfor in the Numba IR, from <c>prange</c> or an array
/// expression; its body is compiled into a separate gufunc kernel that Numba's threading layer runs.
/// </summary>
public sealed partial class ParallelLoopRemark : RemarkKind
{
    public override string Name => "parallel";

    public override string Singular => "parallel loop";

    public override string Plural => "parallel loops";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        if (facts.Unit.Views.GetValueOrDefault(Views.NumbaIrView.Id) is not { } ir)
        {
            yield break;
        }

        foreach (var statement in ir.Instructions)
        {
            if (Parfor().Match(statement.Text) is { Success: true } match)
            {
                yield return Remark(RemarkLine.Of(statement), $"parallel loop (parfor #{match.Groups["id"].Value} over {match.Groups["range"].Value}): its iterations run on Numba's threading layer, its body in a gufunc kernel of its own", ir.View, inLoop: true);
            }
        }
    }

    [GeneratedRegex(@"^\s*(label \d+:\s*)?parfor #(?<id>\d+) over (?<range>.+)$")]
    private static partial Regex Parfor();
}
