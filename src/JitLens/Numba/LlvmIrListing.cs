using System.Globalization;
using System.Text.RegularExpressions;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Numba;

/// <summary>
/// The <c>llvm</c> view: the instructions of the compiled function's <c>define</c>, each at the line of its
/// <c>!dbg</c> location in the user's file (see <see cref="DebugLocations.Resolve"/>): code LLVM inlined from another
/// function of the file sits at that function's line and names the line that called it (<c>inlinedAt</c>).
/// <c>llvm.dbg.*</c> calls only tell a debugger where variables live and become no code, so they are left out.
/// </summary>
internal static partial class LlvmIrListing
{
    public const string View = LlvmIrView.Id;

    public static CodeListing Build(string module, string functionName, string sourcePath, LineScope scope)
    {
        var lines = module.Split('\n');
        var locations = DebugLocations.Read(lines, sourcePath);
        var instructions = new List<CodeInstruction>();
        var inFunction = false;
        string? pendingLabel = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (!inFunction)
            {
                if (line.StartsWith("define ", StringComparison.Ordinal) &&
                    (line.Contains($"@{functionName}(", StringComparison.Ordinal) || line.Contains($"@\"{functionName}\"(", StringComparison.Ordinal)))
                {
                    inFunction = true;
                    instructions.Add(new CodeInstruction(StripDebug(line), null, CodeRegion.Header));
                }

                continue;
            }

            if (line == "}")
            {
                instructions.Add(new CodeInstruction(line, null, CodeRegion.Header));
                break;
            }

            if (BlockLabel().Match(line) is { Success: true } label)
            {
                pendingLabel = label.Groups["name"].Value;
                continue;
            }

            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.StartsWith("call void @llvm.dbg.", StringComparison.Ordinal))
            {
                continue;
            }

            var (at, inlinedAt) = DebugRef().Match(text) is { Success: true } match
                ? locations.Resolve(int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture))
                : (null, null);
            var (sourceLine, region) = scope.Classify(at);
            instructions.Add(new CodeInstruction(StripDebug(text), sourceLine, region)
            {
                InlinedAt = sourceLine is null ? null : inlinedAt,
                Label = pendingLabel,
                Flow = text.StartsWith("ret ", StringComparison.Ordinal) || text == "unreachable" ? ControlFlowKind.Return : ControlFlowKind.Next,
            });
            pendingLabel = null;
        }

        return new CodeListing(View, instructions);
    }

    /// <summary>For code inlined from another function of the file: its line there → the line that called it.</summary>
    public static IReadOnlyDictionary<int, int> InlineSites(CodeListing listing) =>
        listing.Instructions
            .Where(i => i.Line is not null && i.InlinedAt is not null)
            .GroupBy(i => i.Line!.Value)
            .Where(g => g.Select(i => i.InlinedAt).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().InlinedAt!.Value);

    private static string StripDebug(string text) => DebugSuffix().Replace(text, string.Empty);

    [GeneratedRegex(@"^(?<name>[\w.$-]+):")]
    private static partial Regex BlockLabel();

    [GeneratedRegex(@"!dbg !(?<id>\d+)")]
    private static partial Regex DebugRef();

    [GeneratedRegex(@",? !dbg !\d+")]
    private static partial Regex DebugSuffix();
}
