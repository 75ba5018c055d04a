using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Gpu.Ptx;

/// <summary>
/// Splits PTX into instructions under the source lines its <c>.loc</c> directives name. Declarations become the
/// unit's header, code before the first <c>.loc</c> its prolog (parameter loads, the implicit bounds check), and code
/// under a <c>.loc</c> of another file is kept as unmapped.
/// </summary>
public static partial class PtxListingParser
{
    public static CodeListing Parse(string ptx, Func<string, bool> isSourceFile)
    {
        var lines = ptx.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        // .file directives come after the code that uses them.
        var sourceFileIds = lines
            .Select(l => FileDirective().Match(l.Trim()))
            .Where(m => m.Success && isSourceFile(m.Groups["path"].Value))
            .Select(m => m.Groups["id"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var instructions = new List<CodeInstruction>();
        int? line = null;
        var region = CodeRegion.Prolog;
        foreach (var raw in lines)
        {
            var text = Whitespace().Replace(raw.Trim(), " ");
            if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith(".file", StringComparison.Ordinal))
            {
                continue;
            }

            if (Loc().Match(text) is { Success: true } loc)
            {
                var mapped = sourceFileIds.Contains(loc.Groups["id"].Value);
                line = mapped ? int.Parse(loc.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                region = mapped ? CodeRegion.Body : CodeRegion.Unmapped;
                continue;
            }

            if (Label().Match(text) is { Success: true } label)
            {
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header) { Label = label.Groups["name"].Value });
                continue;
            }

            if (IsDeclaration(text))
            {
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header));
                if (text.Contains(".entry", StringComparison.Ordinal) || text.Contains(".func", StringComparison.Ordinal))
                {
                    (line, region) = (null, CodeRegion.Prolog); // a new function starts before its first .loc
                }

                continue;
            }

            instructions.Add(WithFlow(new CodeInstruction(text, line, region)));
        }

        return new CodeListing("ptx", instructions);
    }

    // A pragma sits among the instructions it applies to; every other directive declares.
    private static bool IsDeclaration(string text) =>
        (text[0] is '.' && !text.StartsWith(".pragma", StringComparison.Ordinal)) || text[0] is '{' or '}' or '(' or ')';

    private static CodeInstruction WithFlow(CodeInstruction instruction)
    {
        var match = Instruction().Match(instruction.Text);
        if (!match.Success)
        {
            return instruction;
        }

        var predicated = match.Groups["pred"].Success;
        var opcode = match.Groups["op"].Value;
        var operand = match.Groups["args"].Value.Trim().TrimEnd(';').Trim();
        var baseOp = opcode.Split('.')[0];
        return baseOp switch
        {
            "bra" => instruction with
            {
                Flow = predicated ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Branch,
                TargetLabel = operand.Length > 0 ? operand : null,
            },
            "brx" => instruction with { Flow = ControlFlowKind.Branch },
            "ret" or "exit" or "trap" => instruction with { Flow = predicated ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Return },
            _ => instruction,
        };
    }

    [GeneratedRegex(@"^\.file\s+(?<id>\d+)\s+""(?<path>[^""]*)""")]
    private static partial Regex FileDirective();

    [GeneratedRegex(@"^\.loc\s+(?<id>\d+)\s+(?<line>\d+)")]
    private static partial Regex Loc();

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][\w$]*):$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?<pred>@!?%?\w+\s+)?(?<op>[a-z][\w.]*)(?<args>.*)$")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
