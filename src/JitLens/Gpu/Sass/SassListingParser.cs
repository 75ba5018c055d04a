using System.Globalization;
using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Gpu.Sass;

/// <summary>
/// Reads <c>nvdisasm -g -c</c> output: instructions (<c>/*0170*/ @P0 BRA `(.L_x_2) ;</c>), labels (<c>.L_x_2:</c>)
/// and the line info nvdisasm prints before the instructions of each line (<c>//## File "k.cs", line 12</c>).
/// </summary>
public static partial class SassListingParser
{
    public static CodeListing Parse(string sass, Func<string, bool> isSourceFile)
    {
        var instructions = new List<CodeInstruction>();
        var frames = new List<(string File, int Line)>();
        var collectingFrames = false;
        int? line = null;
        var region = CodeRegion.Prolog;
        foreach (var raw in sass.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var text = raw.Trim();
            if (LineInfo().Match(text) is { Success: true } info)
            {
                // Frames of one place come innermost first, the call site last; a new group replaces the old one.
                if (!collectingFrames)
                {
                    frames.Clear();
                    collectingFrames = true;
                }

                frames.Add((info.Groups["file"].Value, int.Parse(info.Groups["line"].Value, CultureInfo.InvariantCulture)));
                var own = frames.FirstOrDefault(f => isSourceFile(f.File));
                (line, region) = own.File is null ? ((int?)null, CodeRegion.Unmapped) : (own.Line, CodeRegion.Body);
                continue;
            }

            collectingFrames = false;
            if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal))
            {
                if (text.StartsWith("//---", StringComparison.Ordinal))
                {
                    (line, region) = (null, CodeRegion.Prolog); // a new function's section
                }

                continue;
            }

            if (Instruction().Match(text) is { Success: true } ins)
            {
                var code = ins.Groups["code"].Value.Trim().Trim('{', '}').Trim().TrimEnd(';').Trim();
                var offset = long.Parse(ins.Groups["offset"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                instructions.Add(WithFlow(new CodeInstruction(Whitespace().Replace(code, " "), line, region, offset)));
                continue;
            }

            if (Label().Match(text) is { Success: true } label)
            {
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header) { Label = label.Groups["name"].Value });
                continue;
            }

            if (!text.StartsWith('/'))
            {
                instructions.Add(new CodeInstruction(Whitespace().Replace(text, " "), null, CodeRegion.Header));
            }
        }

        return new CodeListing("sass", instructions);
    }

    private static CodeInstruction WithFlow(CodeInstruction instruction)
    {
        var match = Opcode().Match(instruction.Text);
        if (!match.Success)
        {
            return instruction;
        }

        var predicate = match.Groups["pred"].Value;
        if (predicate == "!PT")
        {
            return instruction; // never executes
        }

        var conditional = predicate.Length > 0 && predicate != "PT";
        var target = Target().Match(instruction.Text) is { Success: true } t ? t.Groups["label"].Value : null;
        return match.Groups["op"].Value switch
        {
            "BRA" or "JMP" or "BRX" or "JMX" => instruction with
            {
                Flow = conditional ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Branch,
                TargetLabel = target,
            },
            "EXIT" or "RET" or "KILL" => instruction with { Flow = conditional ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Return },
            _ => instruction,
        };
    }

    [GeneratedRegex(@"^//##\s*File\s+""(?<file>[^""]*)"",\s*line\s+(?<line>\d+)")]
    private static partial Regex LineInfo();

    [GeneratedRegex(@"^/\*(?<offset>[0-9a-fA-F]+)\*/\s*(?<code>[^/]*?)\s*(/\*.*\*/)?$")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"^(?<name>\.?[A-Za-z_$][\w$.]*):$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(@(?<pred>!?\w+)\s+)?(?<op>[A-Z][A-Z0-9_]*)")]
    private static partial Regex Opcode();

    [GeneratedRegex(@"`\((?<label>[^)]+)\)")]
    private static partial Regex Target();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
