using System.Text.RegularExpressions;

namespace JitLens.Remarks;

/// <summary>
/// Names the element accesses a source line makes (<c>a[i]</c>), so that a bounds check can say which array and
/// index it guards; read from the source text, as the JIT's code does not name them.
/// </summary>
internal static partial class ArrayAccesses
{
    /// <summary>"a[i]" for one access, "one of a[i], b[i]" for several, null for none.</summary>
    public static string? Describe(string source)
    {
        var accesses = Access().Matches(source)
            .Where(m => !m.Groups["before"].Value.EndsWith("new", StringComparison.Ordinal) && !m.Groups["before"].Value.EndsWith("stackalloc", StringComparison.Ordinal))
            .Select(m => m.Groups["access"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return accesses.Count switch
        {
            0 => null,
            1 => accesses[0],
            _ => "one of " + string.Join(", ", accesses),
        };
    }

    [GeneratedRegex(@"(?<before>\w*)\s*(?<access>\b[A-Za-z_][\w.]*\s*\[[^\[\]]+\])")]
    private static partial Regex Access();
}
