using System.Text.RegularExpressions;
using JitLens.Gpu.LineInfo;
using JitLens.Model;

namespace JitLens.Gpu.Sass;

public static partial class SassListingParser
{
    private static CodeInstruction WithFlow(CodeInstruction instruction)
    {
        var match = Opcode().Match(instruction.Text);
        var predicate = match.Groups["pred"].Value;
        if (!match.Success || predicate == "!PT")
        {
            return instruction; // not an instruction, or one guarded by "never"
        }

        var predicated = predicate.Length > 0 && predicate != "PT";
        return match.Groups["op"].Value switch
        {
            "BRA" or "JMP" or "BRX" or "JMX" => Flow.Jump(instruction, predicated, Target().Match(instruction.Text) is { Success: true } t ? t.Groups["label"].Value : null),
            "EXIT" or "RET" or "KILL" => Flow.Exit(instruction, predicated),
            "BPT" when instruction.Text.Contains(".TRAP", StringComparison.Ordinal) => Flow.Exit(instruction, predicated),
            _ => instruction,
        };
    }

    [GeneratedRegex(@"^(@(?<pred>!?\w+)\s+)?(?<op>[A-Z][A-Z0-9_]*)")]
    private static partial Regex Opcode();

    [GeneratedRegex(@"`\((?<label>[^)]+)\)")]
    private static partial Regex Target();
}
