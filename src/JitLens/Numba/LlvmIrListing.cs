using System.Globalization;
using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Numba;

/// <summary>
/// The <c>llvm</c> view: the instructions of the compiled function's <c>define</c>, each at the line of its
/// <c>!dbg</c> location. Code LLVM inlined from another function carries <c>inlinedAt</c>; following that chain
/// to its end gives the line of this function that called it. <c>llvm.dbg.*</c> calls only tell a debugger where
/// variables live and become no code, so they are left out.
/// </summary>
internal static partial class LlvmIrListing
{
    public const string View = "llvm";

    public static CodeListing Build(string module, string functionName, LineScope scope)
    {
        var lines = module.Split('\n');
        var locations = ReadLocations(lines);
        var instructions = new List<CodeInstruction>();
        var inFunction = false;
        string? pendingLabel = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (!inFunction)
            {
                if (line.StartsWith("define ", StringComparison.Ordinal) && line.Contains($"@{functionName}(", StringComparison.Ordinal))
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

            var (sourceLine, region) = scope.Classify(LineOf(text, locations));
            instructions.Add(new CodeInstruction(StripDebug(text), sourceLine, region)
            {
                Label = pendingLabel,
                Flow = text.StartsWith("ret ", StringComparison.Ordinal) || text == "unreachable" ? ControlFlowKind.Return : ControlFlowKind.Next,
            });
            pendingLabel = null;
        }

        return new CodeListing(View, instructions);
    }

    private static int? LineOf(string instruction, Dictionary<int, (int Line, int? InlinedAt)> locations)
    {
        if (DebugRef().Match(instruction) is not { Success: true } match)
        {
            return null;
        }

        var id = int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
        var seen = 0;
        while (locations.TryGetValue(id, out var location))
        {
            if (location.InlinedAt is not { } outer || ++seen > locations.Count)
            {
                return location.Line;
            }

            id = outer;
        }

        return null;
    }

    private static Dictionary<int, (int Line, int? InlinedAt)> ReadLocations(string[] lines)
    {
        var locations = new Dictionary<int, (int, int?)>();
        foreach (var line in lines)
        {
            if (Location().Match(line) is { Success: true } m)
            {
                var at = InlinedAt().Match(m.Value);
                int? inlinedAt = at.Success ? int.Parse(at.Groups["at"].Value, CultureInfo.InvariantCulture) : null;
                locations[int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture)] =
                    (int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), inlinedAt);
            }
        }

        return locations;
    }

    private static string StripDebug(string text) => DebugSuffix().Replace(text, string.Empty);

    [GeneratedRegex(@"^(?<name>[\w.$-]+):")]
    private static partial Regex BlockLabel();

    [GeneratedRegex(@"!dbg !(?<id>\d+)")]
    private static partial Regex DebugRef();

    [GeneratedRegex(@",? !dbg !\d+")]
    private static partial Regex DebugSuffix();

    [GeneratedRegex(@"^!(?<id>\d+) = (?:distinct )?!DILocation\(line: (?<line>\d+)[^)]*\)")]
    private static partial Regex Location();

    [GeneratedRegex(@"inlinedAt: !(?<at>\d+)")]
    private static partial Regex InlinedAt();
}
