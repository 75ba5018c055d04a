using System.Text.RegularExpressions;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Numba;

/// <summary>
/// The <c>asm</c> view: x86-64 assembly of the compiled function in AT&amp;T syntax, as Numba emits it, each
/// instruction at the line of the <c>.loc</c> before it. Block labels (<c>.LBB0_3</c>) and jumps are filled in so
/// the generic CFG builder can cut blocks; Numba's Python/C wrappers are other functions and are left out.
/// A <c>.loc</c> names only the innermost line: code inlined from another function of the file takes the line that
/// called it from <paramref name="inlineSites"/> (read from the LLVM IR's <c>inlinedAt</c>).
/// </summary>
internal static partial class X86AsmListing
{
    public const string View = AsmView.Id;

    public static CodeListing Build(string assembly, string functionName, string sourcePath, LineScope scope, IReadOnlyDictionary<int, int> inlineSites)
    {
        var locs = new LocDirectives(sourcePath);
        var instructions = new List<CodeInstruction>();
        var inFunction = false;
        string? pendingLabel = null;
        foreach (var raw in assembly.Split('\n'))
        {
            // .file directives come before the function, so the file table is read everywhere.
            if (locs.TryRead(raw.Trim()))
            {
                continue;
            }

            var text = StripComment(raw).Trim();
            if (!inFunction)
            {
                inFunction = text == functionName + ":";
                continue;
            }

            if (text.StartsWith(".Lfunc_end", StringComparison.Ordinal))
            {
                break;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (text.EndsWith(':'))
            {
                // .LBB labels are branch targets; .Ltmp labels only anchor debug ranges.
                pendingLabel = text.StartsWith(".LBB", StringComparison.Ordinal) ? text[..^1] : pendingLabel;
                continue;
            }

            if (text.StartsWith('.'))
            {
                continue;
            }

            var (line, region) = scope.Classify(locs.CurrentLine);
            var (flow, target) = FlowOf(text);
            instructions.Add(new CodeInstruction(Whitespace().Replace(text, " "), line, region)
            {
                InlinedAt = line is { } l && (l < scope.FirstLine || l > scope.LastLine) && inlineSites.TryGetValue(l, out var caller) ? caller : null,
                Label = pendingLabel,
                Flow = flow,
                TargetLabel = target,
            });
            pendingLabel = null;
        }

        return new CodeListing(View, instructions);
    }

    private static (ControlFlowKind Flow, string? Target) FlowOf(string instruction)
    {
        var parts = instruction.Split((char[])['\t', ' '], 2, StringSplitOptions.RemoveEmptyEntries);
        var mnemonic = parts[0];
        var operand = parts.Length > 1 ? parts[1].Trim() : string.Empty;
        var localTarget = operand.StartsWith(".L", StringComparison.Ordinal) ? operand : null;
        return mnemonic switch
        {
            "ret" or "retq" or "ud2" => (ControlFlowKind.Return, null),
            // A jump to a symbol outside the function is a tail call: control leaves the unit.
            "jmp" or "jmpq" when localTarget is null && !operand.StartsWith('*') => (ControlFlowKind.Return, null),
            "jmp" or "jmpq" => (ControlFlowKind.Branch, localTarget),
            _ when mnemonic.StartsWith('j') => (ControlFlowKind.ConditionalBranch, localTarget),
            _ => (ControlFlowKind.Next, null),
        };
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
