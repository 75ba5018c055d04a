using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JitLens.Gpu.LineInfo;
using JitLens.Model;
using JitLens.Views;

namespace JitLens.Gpu.Ptx;

/// <summary>
/// Splits PTX, as ILGPU and NVVM (Numba's <c>@cuda.jit(lineinfo=True)</c>) write it, into instructions under the
/// source lines its <c>.loc</c> directives name (with <c>inlined_at</c>, code inlined from another function of the
/// file sits at that function's line and names the calling line). Declarations and labels become headers, code before
/// a function's first <c>.loc</c> its prolog (parameter loads, the implicit bounds check), and code under a
/// <c>.loc</c> of another file is kept as unmapped. A statement written over several lines (NVVM's <c>call</c>, a
/// <c>.branchtargets</c> table) is one instruction; <c>brx.idx</c> goes to the entries of its table.
/// </summary>
public static partial class PtxListingParser
{
    public static CodeListing Parse(string ptx, Func<string, bool> isSourceFile) => Parse(ptx, new ListingSource(isSourceFile));

    /// <summary>Every function of the module, each started by its declaration (a header).</summary>
    public static CodeListing Parse(string ptx, ListingSource source) => new(PtxView.Id, Read(ptx, source).Instructions);

    /// <summary>
    /// Only the function named <paramref name="function"/> (its <c>.entry</c> or <c>.func</c> with a body), or the first
    /// one with code when no name is given; an empty listing when there is none.
    /// </summary>
    public static CodeListing ParseFunction(string ptx, ListingSource source, string? function)
    {
        var (instructions, starts) = Read(ptx, source);
        for (var f = 0; f < starts.Count; f++)
        {
            var end = f + 1 < starts.Count ? starts[f + 1].Index : instructions.Count;
            var body = instructions.Skip(starts[f].Index).Take(end - starts[f].Index).ToList();
            if ((function is null || starts[f].Name == function) && body.Any(i => i.Region != CodeRegion.Header))
            {
                return new CodeListing(PtxView.Id, body);
            }
        }

        return new CodeListing(PtxView.Id, []);
    }

    private static (List<CodeInstruction> Instructions, List<(int Index, string Name)> Starts) Read(string ptx, ListingSource source)
    {
        var lines = ptx.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => ListingText.Collapsed(WithoutComment(l).Trim())).ToList();
        var files = FilesOf(lines); // NVVM and ILGPU write the .file directives after the code that uses them
        var instructions = new List<CodeInstruction>();
        var starts = new List<(int Index, string Name)>();
        var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var place = SourcePlace.Prolog;
        StringBuilder? statement = null;
        foreach (var line in lines)
        {
            var text = line;
            if (text.Length == 0 || text.StartsWith(".file", StringComparison.Ordinal))
            {
                continue;
            }

            if (statement is not null)
            {
                statement.Append(statement[^1] is '(' ? "" : " ").Append(text);
                if (!text.EndsWith(';'))
                {
                    continue;
                }

                (text, statement) = (statement.ToString().Replace(" )", ")", StringComparison.Ordinal), null);
            }

            if (Loc().Match(text) is { Success: true } loc)
            {
                place = SourcePlace.Of(FramesOf(loc, files), source);
            }
            else if (Label().Match(text) is { Success: true } label)
            {
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header) { Label = label.Groups["name"].Value });
            }
            else if (BranchTargets().Match(text) is { Success: true } table)
            {
                if (!text.EndsWith(';'))
                {
                    statement = new StringBuilder(text);
                    continue;
                }

                tables[table.Groups["name"].Value] = table.Groups["targets"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header));
            }
            else if (IsDeclaration(text))
            {
                instructions.Add(new CodeInstruction(text, null, CodeRegion.Header));
                if (FunctionStart().Match(text) is { Success: true } start)
                {
                    place = SourcePlace.Prolog; // a new function starts before its first .loc
                    if (!text.StartsWith(".extern", StringComparison.Ordinal))
                    {
                        starts.Add((instructions.Count - 1, start.Groups["name"].Value));
                    }
                }
            }
            else if (!text.EndsWith(';'))
            {
                statement = new StringBuilder(text);
            }
            else
            {
                instructions.Add(WithFlow(new CodeInstruction(text, place.Line, place.Region) { InlinedAt = place.InlinedAt }, tables));
            }
        }

        return (instructions, starts);
    }

    private static Dictionary<string, string> FilesOf(IEnumerable<string> lines)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in lines.Select(l => FileDirective().Match(l)).Where(m => m.Success))
        {
            // NVVM may name a file by directory and name, ILGPU and nvcc by one path.
            files[file.Groups["id"].Value] = file.Groups["name"].Success
                ? Path.Combine(file.Groups["path"].Value, file.Groups["name"].Value)
                : file.Groups["path"].Value;
        }

        return files;
    }

    private static List<SourceFrame> FramesOf(Match loc, Dictionary<string, string> files)
    {
        SourceFrame Frame(string id, string line) =>
            new(files.GetValueOrDefault(id, string.Empty), int.Parse(line, CultureInfo.InvariantCulture));

        var frames = new List<SourceFrame> { Frame(loc.Groups["id"].Value, loc.Groups["line"].Value) };
        if (loc.Groups["atId"].Success)
        {
            frames.Add(Frame(loc.Groups["atId"].Value, loc.Groups["atLine"].Value));
        }

        return frames;
    }

    // A pragma sits among the instructions it applies to; every other directive declares.
    private static bool IsDeclaration(string text) =>
        (text[0] is '.' && !text.StartsWith(".pragma", StringComparison.Ordinal)) || text[0] is '{' or '}' or '(' or ')';

    private static string WithoutComment(string line)
    {
        var quoted = false;
        for (var i = 0; i + 1 < line.Length; i++)
        {
            quoted ^= line[i] == '"';
            if (!quoted && line[i] == '/' && line[i + 1] == '/')
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"^\.file\s+(?<id>\d+)\s+""(?<path>[^""]*)""(?:\s+""(?<name>[^""]*)"")?")]
    private static partial Regex FileDirective();

    [GeneratedRegex(@"^\.loc\s+(?<id>\d+)\s+(?<line>\d+)(?:.*?\binlined_at\s+(?<atId>\d+)\s+(?<atLine>\d+))?")]
    private static partial Regex Loc();

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][\w$]*):$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][\w$]*):\s*\.branchtargets\s*(?<targets>[^;]*);?$")]
    private static partial Regex BranchTargets();

    [GeneratedRegex(@"\.(?:entry|func)\s+(?:\([^)]*\)\s*)?(?<name>[\w$.]+)")]
    private static partial Regex FunctionStart();
}
