using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// Vectorised code on a line: packed SIMD arithmetic in its x64 asm (the .NET JIT's or Numba's), with the widest
/// register width; for Numba, the LLVM IR vector type of the line is named too.
/// </summary>
public sealed partial class VectorisedRemark : RemarkKind
{
    public override string Name => "vectorised";

    public override string Singular => "vectorised line";

    public override string Plural => "vectorised lines";

    public override RemarkEvidence Evidence => RemarkEvidence.Exact;

    public override IEnumerable<CodeRemark> Find(ListingFacts facts)
    {
        if (facts.CpuAsm is not { } asm)
        {
            yield break;
        }

        var unit = facts.Unit;
        var loops = facts.LoopsOf(asm);
        var packed = asm.Instructions
            .Select((instruction, index) => (Line: RemarkLine.Of(instruction), Width: SimdInstructions.PackedWidth(instruction), InLoop: loops.InLoop(index)))
            .Where(p => p.Width is not null)
            .GroupBy(p => p.Line);
        foreach (var line in packed.OrderBy(g => g.Key ?? int.MaxValue))
        {
            var width = line.Max(p => p.Width!.Value);
            var vectorType = line.Key is { } l && unit.Views.GetValueOrDefault(Views.LlvmIrView.Id) is { } llvm ? LlvmVectorType(llvm, l) : null;
            var lanes = vectorType is null ? string.Empty : $", LLVM IR {vectorType}";
            yield return Remark(line.Key, $"vectorised: {line.Count()} packed SIMD instruction{(line.Count() == 1 ? string.Empty : "s")}, {SimdInstructions.Describe(width)}{lanes}", asm.View, line.Any(p => p.InLoop));
        }
    }

    /// <summary>The widest <c>&lt;N x T&gt;</c> vector type the line's LLVM IR computes with.</summary>
    private static string? LlvmVectorType(CodeListing llvm, int line) =>
        llvm.ForLine(line)
            .SelectMany(i => VectorType().Matches(i.Text))
            .Select(m => m.Value)
            .OrderByDescending(t => int.Parse(VectorType().Match(t).Groups["lanes"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();

    [GeneratedRegex(@"<(?<lanes>\d+) x (double|float|half|i64|i32|i16|i8)>")]
    private static partial Regex VectorType();
}
