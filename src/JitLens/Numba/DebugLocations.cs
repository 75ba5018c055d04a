using System.Globalization;
using System.Text.RegularExpressions;

namespace JitLens.Numba;

/// <summary>
/// The <c>!DILocation</c>s of an LLVM module, each with the file of its scope (a <c>DISubprogram</c>, or the
/// <c>DILexicalBlockFile</c> the capture gives statements from another file) and its <c>inlinedAt</c> chain.
/// </summary>
internal sealed partial class DebugLocations
{
    private readonly Dictionary<int, (int Line, int Scope, int? InlinedAt)> _locations = [];
    private readonly Dictionary<int, int> _scopeFiles = [];
    private readonly Dictionary<int, string> _files = [];
    private readonly string _sourcePath;

    private DebugLocations(string sourcePath)
    {
        _sourcePath = Path.GetFullPath(sourcePath);
    }

    public static DebugLocations Read(IEnumerable<string> moduleLines, string sourcePath)
    {
        var locations = new DebugLocations(sourcePath);
        foreach (var line in moduleLines)
        {
            if (!line.StartsWith('!') || Node().Match(line) is not { Success: true } node)
            {
                continue;
            }

            var id = Id(node.Groups["id"].Value);
            var body = node.Groups["body"].Value;
            switch (node.Groups["kind"].Value)
            {
                case "DILocation" when Field(body, "line") is { } l && Field(body, "scope") is { } scope:
                    locations._locations[id] = (l, scope, Field(body, "inlinedAt"));
                    break;
                case "DISubprogram" or "DILexicalBlockFile" or "DILexicalBlock" when Field(body, "file") is { } file:
                    locations._scopeFiles[id] = file;
                    break;
                case "DIFile":
                    locations._files[id] = Path.Combine(Text(body, "directory") ?? string.Empty, Text(body, "filename") ?? string.Empty);
                    break;
            }
        }

        return locations;
    }

    /// <summary>
    /// Where the instruction with location <paramref name="id"/> belongs in the user's file: the innermost location of
    /// its inlining chain that lies in the file (code Numba's own implementations added stays with the user's line that
    /// asked for it), and, when that location was inlined into another one of the file, the line of that call.
    /// </summary>
    public (int? Line, int? InlinedAt) Resolve(int id)
    {
        int? line = null;
        int? outermost = null;
        var (depth, chosen) = (0, 0);
        for (int? at = id; at is { } current && _locations.TryGetValue(current, out var location) && depth <= _locations.Count; at = location.InlinedAt, depth++)
        {
            var inFile = IsSource(location.Scope);
            if (line is null && inFile)
            {
                (line, chosen) = (location.Line, depth);
            }

            outermost = inFile ? location.Line : null;
        }

        return (line, line is not null && depth - 1 > chosen ? outermost : null);
    }

    private bool IsSource(int scope)
    {
        if (!_scopeFiles.TryGetValue(scope, out var file) || !_files.TryGetValue(file, out var path))
        {
            return false;
        }

        try
        {
            return string.Equals(Path.GetFullPath(path), _sourcePath, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int Id(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static int? Field(string body, string name) =>
        Reference().Matches(body).FirstOrDefault(m => m.Groups["name"].Value == name) is { } m ? Id(m.Groups["value"].Value) : null;

    private static string? Text(string body, string name) =>
        Quoted().Matches(body).FirstOrDefault(m => m.Groups["name"].Value == name)?.Groups["value"].Value;

    [GeneratedRegex(@"^!(?<id>\d+) = (?:distinct )?!(?<kind>DI\w+)\((?<body>.*)\)\s*$")]
    private static partial Regex Node();

    [GeneratedRegex(@"(?<![\w])(?<name>\w+): !?(?<value>\d+)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"(?<![\w])(?<name>\w+): ""(?<value>[^""]*)""")]
    private static partial Regex Quoted();
}
