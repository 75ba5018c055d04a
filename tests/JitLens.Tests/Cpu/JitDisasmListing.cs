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

    /// <summary>Comparable instructions; the runtime prints a lock prefix on a line of its own, Iced with its instruction.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> instructions)
    {
        var joined = new List<string>();
        var prefix = string.Empty;
        foreach (var instruction in instructions)
        {
            if (instruction.Trim() is "lock" or "rep" or "repne")
            {
                prefix = instruction.Trim() + " ";
                continue;
            }

            joined.Add(prefix + instruction.Trim());
            prefix = string.Empty;
        }

        return joined.Select(Normalize).Where(i => i is not null).Select(i => i!).ToList();
    }

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

        // Label operands are named differently (G_M000_IG03 vs L001b); call targets are spelled differently, and so are
        // tail calls (the runtime writes tail.jmp, a jmp out of the method here).
        if (text.StartsWith("call ", StringComparison.Ordinal) || text.StartsWith("tail.jmp ", StringComparison.Ordinal))
        {
            return text.StartsWith('c') ? "call target" : "jmp target";
        }

        if (text.StartsWith("jmp ", StringComparison.Ordinal) && !JitLabelPattern().IsMatch(text) && !OurLabelPattern().IsMatch(text))
        {
            return "jmp target";
        }

        // The runtime names the 64-bit register where the encoding writes its 32-bit half (zeroing the upper half
        // either way), and spells one-operand imul with its implicit operands.
        text = ZeroIdiomPattern().Replace(text, m => $"xor {Low32(m.Groups[1].Value)}, {Low32(m.Groups[1].Value)}");
        text = MovzxPattern().Replace(text, m => "movzx " + Low32(m.Groups[1].Value) + ",");
        text = text.Replace("imul edx:eax, ", "imul ", StringComparison.Ordinal).Replace("imul rdx:rax, ", "imul ", StringComparison.Ordinal)
            .Replace("mul edx:eax, ", "mul ", StringComparison.Ordinal).Replace("mul rdx:rax, ", "mul ", StringComparison.Ordinal);

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
        text = text.Replace("[(reloc ", "[(", StringComparison.Ordinal);
        text = NumberPattern().Replace(text, m =>
        {
            var value = m.Value.StartsWith("0x", StringComparison.Ordinal)
                ? ulong.Parse(m.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : ulong.Parse(m.Value, CultureInfo.InvariantCulture);
            return value >= 0x10000 ? "addr" : value.ToString(CultureInfo.InvariantCulture);
        });
        // Iced writes 32-bit immediates signed (-0x80000000), the runtime unsigned.
        return text.Replace("[(addr)]", "[addr]", StringComparison.Ordinal).Replace("-addr", "addr", StringComparison.Ordinal);
    }

    private static string Low32(string register) => register switch
    {
        "rax" or "rbx" or "rcx" or "rdx" => "e" + register[1..],
        "rsi" or "rdi" or "rsp" or "rbp" => "e" + register[1..],
        _ when register.StartsWith('r') && char.IsDigit(register[^1]) => register + "d",
        _ => register,
    };

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

    [GeneratedRegex(@"^xor (r\w+), \1$")]
    private static partial Regex ZeroIdiomPattern();

    [GeneratedRegex(@"^movzx (r\w+),")]
    private static partial Regex MovzxPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
