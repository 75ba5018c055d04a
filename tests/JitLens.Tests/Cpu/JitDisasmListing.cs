using System.Globalization;
using System.Text.RegularExpressions;

namespace JitLens.Tests.Cpu;

/// <summary>
/// Parses what the runtime prints with <c>DOTNET_JitDisasm</c> and normalises both that and JitLens' listing to
/// comparable instructions: labels, call targets and addresses masked, numbers in one base, alignment padding dropped.
/// </summary>
internal static partial class JitDisasmListing
{
    /// <summary>Method simple name → its instructions, from a <c>DOTNET_JitStdOutFile</c>.</summary>
    public static Dictionary<string, List<string>> Parse(string text)
    {
        var methods = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var header = HeaderPattern().Match(line);
            if (header.Success)
            {
                current = methods[header.Groups["name"].Value] = [];
                continue;
            }

            if (current is null || line.Length == 0 || line.StartsWith(';') || LabelPattern().IsMatch(line) || line.StartsWith("align", StringComparison.Ordinal)
                || DataLinePattern().IsMatch(line))
            {
                continue;
            }

            current.Add(line);
        }

        return methods;
    }

    public static IReadOnlyList<string> Normalize(IEnumerable<string> instructions) =>
        instructions.Select(Normalize).Where(i => i is not null).Select(i => i!).ToList();

    private static string? Normalize(string instruction)
    {
        var text = instruction;
        var comment = text.IndexOf(';', StringComparison.Ordinal);
        if (comment >= 0)
        {
            text = text[..comment];
        }

        text = WhitespacePattern().Replace(text.Trim(), " ").ToLowerInvariant();
        if (text.StartsWith("nop", StringComparison.Ordinal) || text.Length == 0)
        {
            return null;
        }

        // Label operands are named differently (G_M000_IG03 vs L001b); call targets are spelled differently.
        if (text.StartsWith("call ", StringComparison.Ordinal))
        {
            return "call target";
        }

        text = text.Replace("short ", string.Empty, StringComparison.Ordinal)
            .Replace("gword ptr", "qword ptr", StringComparison.Ordinal)
            .Replace("bword ptr", "qword ptr", StringComparison.Ordinal);
        if (text.StartsWith("lea ", StringComparison.Ordinal))
        {
            // The runtime sizes lea's operand by the GC kind of the result (bword ptr); Iced leaves it unsized.
            text = SizePattern().Replace(text, string.Empty);
        }

        text = JitLabelPattern().Replace(text, "label");
        text = OurLabelPattern().Replace(text, "label");

        // Read-only data (jump tables, vector constants) is a relocation there and an address here.
        text = text.Replace("[label]", "label", StringComparison.Ordinal);
        text = DataPattern().Replace(text, "[addr]");
        return NumberPattern().Replace(text, m =>
        {
            var value = m.Value.StartsWith("0x", StringComparison.Ordinal)
                ? ulong.Parse(m.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : ulong.Parse(m.Value, CultureInfo.InvariantCulture);
            return value >= 0x10000 ? "addr" : value.ToString(CultureInfo.InvariantCulture);
        });
    }

    [GeneratedRegex(@"^; Assembly listing for method [\w.]+:(?<name>\w+)\(")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^G_M\d+_IG\d+:")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\bg_m\d+_ig\d+\b")]
    private static partial Regex JitLabelPattern();

    [GeneratedRegex(@"\bl[0-9a-f]{4}\b")]
    private static partial Regex OurLabelPattern();

    [GeneratedRegex(@"\b0x[0-9a-f]+\b|\b\d+\b")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\[reloc @rwd\d+\]")]
    private static partial Regex DataPattern();

    /// <summary>The read-only data section after the code (jump tables, constants): not instructions.</summary>
    [GeneratedRegex(@"^(RWD\d+\s+)?d[bwdq]\s")]
    private static partial Regex DataLinePattern();

    [GeneratedRegex(@"\w+ ptr ")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
