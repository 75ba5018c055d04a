using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Numba;

/// <summary>
/// The <c>ptx</c> view of a CUDA kernel compiled with line info: the instructions of the kernel's
/// <c>.entry</c> (or device function's <c>.func</c>), each at the line of the <c>.loc</c> before it, with <c>$L__BB</c> labels and <c>bra</c> flow.
/// </summary>
internal static partial class PtxListing
{
    public const string View = "ptx";

    public static CodeListing Build(string ptx, string? entryName, string sourcePath, LineScope scope)
    {
        var locs = new LocDirectives(sourcePath);
        var instructions = new List<CodeInstruction>();
        var inEntry = false;
        var depth = 0;
        string? pendingLabel = null;
        foreach (var raw in ptx.Split('\n'))
        {
            var text = StripComment(raw).Trim();
            if (text.Length == 0 || locs.TryRead(text))
            {
                continue;
            }

            if (!inEntry)
            {
                // A kernel is an .entry; a device function a .func (declarations of external ones have no body).
                inEntry = (text.Contains(".entry", StringComparison.Ordinal) || text.Contains(".func", StringComparison.Ordinal))
                    && !text.StartsWith(".extern", StringComparison.Ordinal)
                    && (entryName is null || text.Contains(entryName, StringComparison.Ordinal));
                continue;
            }

            depth += text.Count(c => c == '{') - text.Count(c => c == '}');
            if (text == "}" && depth <= 0)
            {
                break;
            }

            if (Label().Match(text) is { Success: true } label)
            {
                pendingLabel = label.Groups["name"].Value;
                continue;
            }

            if (text.StartsWith('.') || text is "{" or "}" || !text.EndsWith(';'))
            {
                continue;
            }

            var (line, region) = scope.Classify(locs.CurrentLine);
            var (flow, target) = FlowOf(text);
            instructions.Add(new CodeInstruction(Whitespace().Replace(text, " "), line, region)
            {
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
        var predicated = instruction.StartsWith('@');
        var body = predicated ? instruction[(instruction.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim() : instruction;
        if (Branch().Match(body) is { Success: true } branch)
        {
            return (predicated ? ControlFlowKind.ConditionalBranch : ControlFlowKind.Branch, branch.Groups["target"].Value);
        }

        return !predicated && (body.StartsWith("ret", StringComparison.Ordinal) || body.StartsWith("exit", StringComparison.Ordinal))
            ? (ControlFlowKind.Return, null)
            : (ControlFlowKind.Next, null);
    }

    private static string StripComment(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 ? line[..comment] : line;
    }

    [GeneratedRegex(@"^(?<name>\$?[\w$]+):$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^bra(?:\.uni)?\s+(?<target>[\w$]+)\s*;")]
    private static partial Regex Branch();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
