using System.Text.RegularExpressions;
using JitLens.Gpu.LineInfo;
using JitLens.Model;

namespace JitLens.Gpu.Ptx;

public static partial class PtxListingParser
{
    private static CodeInstruction WithFlow(CodeInstruction instruction, Dictionary<string, IReadOnlyList<string>> tables)
    {
        if (Instruction().Match(instruction.Text) is not { Success: true } match)
        {
            return instruction;
        }

        var predicated = match.Groups["pred"].Success;
        var operands = match.Groups["args"].Value.Trim().TrimEnd(';').Trim();
        return match.Groups["op"].Value.Split('.')[0] switch
        {
            "bra" => Flow.Jump(instruction, predicated, operands.Length > 0 ? operands : null),

            // brx.idx index, table: one of the table's labels, picked by the index.
            "brx" => Flow.Jump(instruction, predicated, null) with
            {
                SwitchTargetLabels = tables.GetValueOrDefault(operands.Split(',')[^1].Trim()) ?? [],
            },
            "ret" or "exit" or "trap" => Flow.Exit(instruction, predicated),
            _ => instruction,
        };
    }

    [GeneratedRegex(@"^(?<pred>@!?%?\w+\s+)?(?<op>[a-z][\w.]*)(?<args>.*)$")]
    private static partial Regex Instruction();
}
