using System.Globalization;
using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Numba;

/// <summary>
/// The <c>sass</c> view: <c>nvdisasm -g -c</c> output, where a <c>//## File "...", line N</c> comment gives the
/// source line of the instructions after it; <c>.L_x_N</c> labels and <c>BRA</c>/<c>EXIT</c> give the flow.
/// </summary>
internal static partial class SassListing
{
    public const string View = "sass";

    public static CodeListing Build(string sass, string sourcePath, LineScope scope)
    {
        var source = Path.GetFullPath(sourcePath);
        var instructions = new List<CodeInstruction>();
        int? current = null;
        string? pendingLabel = null;
        foreach (var raw in sass.Split('\n'))
        {
            var text = raw.Trim();
            if (LineComment().Match(text) is { Success: true } lineInfo)
            {
                current = string.Equals(Path.GetFullPath(lineInfo.Groups["file"].Value), source, StringComparison.Ordinal)
                    ? int.Parse(lineInfo.Groups["line"].Value, CultureInfo.InvariantCulture)
                    : null;
                continue;
            }

            if (Label().Match(text) is { Success: true } label)
            {
                pendingLabel = label.Groups["name"].Value;
                continue;
            }

            if (Instruction().Match(text) is not { Success: true } instruction)
            {
                continue;
            }

            var body = instruction.Groups["body"].Value.Trim();
            var (line, region) = scope.Classify(current);
            var (flow, target) = FlowOf(body);
            instructions.Add(new CodeInstruction(body, line, region, long.Parse(instruction.Groups["offset"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            {
                Label = pendingLabel,
                Flow = flow,
                TargetLabel = target,
            });
            pendingLabel = null;
        }

        return new CodeListing(View, instructions);
    }

    private static (ControlFlowKind Flow, string? Target) FlowOf(string body)
    {
        var predicated = body.StartsWith('@');
        var opcode = (predicated ? body[(body.IndexOf(' ', StringComparison.Ordinal) + 1)..] : body).TrimStart();
        if (opcode.StartsWith("BRA", StringComparison.Ordinal))
        {
            var target = Target().Match(opcode);
            return (predicated ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Branch, target.Success ? target.Groups["name"].Value : null);
        }

        return !predicated && (opcode.StartsWith("EXIT", StringComparison.Ordinal) || opcode.StartsWith("RET", StringComparison.Ordinal))
            ? (ControlFlowKind.Return, null)
            : (ControlFlowKind.Next, null);
    }

    [GeneratedRegex(@"^//## File ""(?<file>[^""]+)"", line (?<line>\d+)")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^(?<name>\.L_[\w]+):")]
    private static partial Regex Label();

    [GeneratedRegex(@"^/\*(?<offset>[0-9a-fA-F]+)\*/\s+(?<body>[^;]+);")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"`\((?<name>[^)]+)\)")]
    private static partial Regex Target();
}
