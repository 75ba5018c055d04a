using System.Text.RegularExpressions;

namespace JitLens.Gpu.LineInfo;

/// <summary>How an instruction's text is shown: compilers align operands with tabs and runs of spaces.</summary>
internal static partial class ListingText
{
    public static string Collapsed(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
