using System.Globalization;
using System.Text.RegularExpressions;

namespace JitLens.Numba;

/// <summary>
/// Tracks <c>.file N "path"</c> and <c>.loc N LINE COL</c> directives, as LLVM writes them in x86 asm and PTX,
/// to tell the source line of the instructions that follow. Lines from other files count as no line.
/// </summary>
internal sealed partial class LocDirectives
{
    private readonly string _sourcePath;
    private readonly Dictionary<int, string> _files = [];

    public LocDirectives(string sourcePath)
    {
        _sourcePath = Path.GetFullPath(sourcePath);
    }

    /// <summary>The line of the user's file that the instructions after the last <c>.loc</c> belong to.</summary>
    public int? CurrentLine { get; private set; }

    /// <summary>Reads <paramref name="trimmed"/> if it is a <c>.file</c> or <c>.loc</c> directive; false otherwise.</summary>
    public bool TryRead(string trimmed)
    {
        if (File().Match(trimmed) is { Success: true } file)
        {
            var name = file.Groups["second"].Success
                ? Path.Combine(file.Groups["first"].Value, file.Groups["second"].Value)
                : file.Groups["first"].Value;
            _files[int.Parse(file.Groups["id"].Value, CultureInfo.InvariantCulture)] = name;
            return true;
        }

        if (Loc().Match(trimmed) is { Success: true } loc)
        {
            var id = int.Parse(loc.Groups["id"].Value, CultureInfo.InvariantCulture);
            var line = int.Parse(loc.Groups["line"].Value, CultureInfo.InvariantCulture);
            CurrentLine = _files.TryGetValue(id, out var path) && IsSource(path) ? line : null;
            return true;
        }

        return false;
    }

    private bool IsSource(string path)
    {
        try
        {
            return string.Equals(Path.GetFullPath(path), _sourcePath, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.file\s+(?<id>\d+)\s+""(?<first>[^""]*)""(?:\s+""(?<second>[^""]*)"")?")]
    private static partial Regex File();

    [GeneratedRegex(@"^\.loc\s+(?<id>\d+)\s+(?<line>\d+)")]
    private static partial Regex Loc();
}
