using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>The calls in a Numba unit's LLVM IR, with the function each names and whether it sits inside a loop.</summary>
internal static partial class LlvmCalls
{
    public sealed record Call(int Index, int? Line, string Callee, bool InLoop);

    public static IReadOnlyList<Call> In(ListingFacts facts)
    {
        if (facts.Unit.Source.Language != "python" || facts.Unit.Views.GetValueOrDefault(Views.LlvmIrView.Id) is not { } llvm)
        {
            return [];
        }

        var loops = facts.LoopsOf(llvm);
        var calls = new List<Call>();
        for (var i = 0; i < llvm.Instructions.Count; i++)
        {
            if (CallPattern().Match(ListingLoops.Body(llvm.Instructions[i])) is { Success: true } match)
            {
                calls.Add(new Call(i, RemarkLine.Of(llvm.Instructions[i]), match.Groups["callee"].Value, loops.InLoop(i)));
            }
        }

        return calls;
    }

    /// <summary>The line → the distinct callees, for calls that <paramref name="select"/> keeps, in line order.</summary>
    public static IEnumerable<(int? Line, IReadOnlyList<string> Callees, int Count)> ByLine(IEnumerable<Call> calls) =>
        calls.GroupBy(c => c.Line)
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(c => c.Callee).Distinct(StringComparer.Ordinal).ToList(), g.Count()));

    [GeneratedRegex(@"\bcall\b[^@]*@(?<callee>[\w.$]+)\(")]
    private static partial Regex CallPattern();
}
