using System.Collections;
using System.Globalization;

namespace JitLens.Jupyter.Execution;

/// <summary>Plain-text display of a cell's result: collections show their items, everything else its ToString.</summary>
internal static class ValueFormatter
{
    private const int MaxItems = 20;

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => FormatItems(value.GetType(), items),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatItems(Type type, IEnumerable items)
    {
        var shown = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            if (count++ < MaxItems)
            {
                shown.Add(item is string s ? $"\"{s}\"" : Format(item));
            }
        }

        var more = count > MaxItems ? $", … ({count - MaxItems} more)" : string.Empty;
        return $"{TypeName(type)}[{count}] {{ {string.Join(", ", shown)}{more} }}";
    }

    private static string TypeName(Type type) =>
        type.IsArray ? TypeName(type.GetElementType()!) : type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
}
