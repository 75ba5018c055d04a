using System.Text.RegularExpressions;

namespace JitLens.Numba;

/// <summary><c>--method</c> for Python: a <c>*</c>-wildcard pattern on a Numba function's name or qualified name.</summary>
internal static class FunctionFilter
{
    public static bool Matches(string? pattern, CapturedFunction function)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return true;
        }

        var regex = new Regex("^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return regex.IsMatch(function.Name) || regex.IsMatch(function.QualifiedName);
    }
}
