using System.Collections;
using System.Globalization;

namespace JitLens.Gpu.Compilation;

/// <summary>How a driver's return value is shown: arrays and lists element by element, other values as text.</summary>
public static class ValueText
{
    private const int MaxElements = 32;

    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable items => "[" + string.Join(", ", Elements(items)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static IEnumerable<string> Elements(IEnumerable items)
    {
        var count = 0;
        foreach (var item in items)
        {
            if (count++ == MaxElements)
            {
                yield return "…";
                yield break;
            }

            yield return Of(item);
        }
    }
}
