using System.Reflection;
using System.Text.RegularExpressions;

namespace JitLens.Host;

/// <summary>
/// A <c>*</c>-wildcard pattern on method names. It matches the simple name, <c>Type.Method</c>, the full display
/// name, or the user method a compiler-generated one belongs to (<c>&lt;Sum&gt;b__0_0</c> belongs to <c>Sum</c>),
/// so that <c>--method Sum</c> also shows Sum's lambdas, local functions and state machine.
/// </summary>
internal sealed class MethodPattern
{
    private readonly Regex? _regex;

    public MethodPattern(string? pattern)
    {
        if (pattern is not null)
        {
            _regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        }
    }

    public bool Matches(MethodBase method, string displayName)
    {
        if (_regex is null)
        {
            return true;
        }

        var type = method.DeclaringType;
        var candidates = new List<string>
        {
            method.Name,
            displayName,
            displayName[..displayName.IndexOf('(', StringComparison.Ordinal)],
        };
        if (type is not null)
        {
            candidates.Add(type.Name + "." + method.Name);
            candidates.AddRange(Owners(method.Name));
            for (var t = type; t is not null; t = t.DeclaringType)
            {
                candidates.AddRange(Owners(t.Name));
                if (t.DeclaringType is { } outer)
                {
                    candidates.AddRange(Owners(t.Name).Select(o => outer.Name + "." + o));
                }
            }

            candidates.AddRange(Owners(method.Name).Select(o => type.Name + "." + o));
            if (type.DeclaringType is { } declaring)
            {
                candidates.AddRange(Owners(method.Name).Select(o => declaring.Name + "." + o));
            }
        }

        return candidates.Exists(_regex.IsMatch);
    }

    /// <summary>The user method named inside a compiler-generated name: <c>&lt;Main&gt;g__Local|0_0</c> → Main, Local.</summary>
    private static IEnumerable<string> Owners(string generatedName)
    {
        if (generatedName.Length == 0 || generatedName[0] != '<')
        {
            yield break;
        }

        var close = generatedName.IndexOf('>', StringComparison.Ordinal);
        if (close > 1)
        {
            yield return generatedName[1..close];
        }

        var local = generatedName.IndexOf("g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var end = generatedName.IndexOf('|', local);
            if (end > local + 3)
            {
                yield return generatedName[(local + 3)..end];
            }
        }
    }
}
