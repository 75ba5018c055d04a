using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Remarks;

/// <summary>
/// Packed SIMD arithmetic in x64 code of either syntax (Intel from the .NET JIT, AT&amp;T from LLVM): the mnemonics
/// that work on several lanes at once, and the widest vector register they use.
/// </summary>
internal static partial class SimdInstructions
{
    /// <summary>The width in bits of a packed arithmetic instruction (128, 256, 512), or null for anything else.</summary>
    public static int? PackedWidth(CodeInstruction instruction)
    {
        var body = ListingLoops.Body(instruction);
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return null;
        }

        var mnemonic = body[..space];
        var operands = body[(space + 1)..];
        var registers = Register().Matches(operands).Select(m => m.Value).ToList();
        if (registers.Count == 0 || !(PackedFloat().IsMatch(mnemonic) || PackedInteger().IsMatch(mnemonic)))
        {
            return null;
        }

        // xor/sub of a register with itself zeroes it: not vector work.
        var operandList = operands.Split(',', StringSplitOptions.TrimEntries);
        if (operandList.Length > 1 && operandList.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return null;
        }

        var width = registers.Max(r => r.Contains("zmm", StringComparison.Ordinal) ? 512 : r.Contains("ymm", StringComparison.Ordinal) ? 256 : 128);
        return width == 128 && Logical().IsMatch(mnemonic) ? null : width;
    }

    /// <summary>What a width is called in the remark: "256-bit (ymm)".</summary>
    public static string Describe(int width) => width switch
    {
        512 => "512-bit (zmm, AVX-512)",
        256 => "256-bit (ymm, AVX2)",
        _ => "128-bit (xmm)",
    };

    [GeneratedRegex(@"%?\b[xyz]mm\d+\b")]
    private static partial Regex Register();

    [GeneratedRegex(@"^v?(add|sub|mul|div|min|max|sqrt|rcp|rsqrt|and|andn|or|xor|hadd|hsub|addsub|round|dp|blend|blendv|cmp\w*|f(n?m(add|sub)|maddsub|msubadd)\d*)p[sdh]$")]
    private static partial Regex PackedFloat();

    [GeneratedRegex(@"^v?p(add|sub|mul|madd|sad|avg|min|max|abs|sign|cmp|and|andn|or|xor|sll|srl|sra|shuf|unpck|hadd|hsub|blend|perm|alignr|ternlog|dp)\w*$")]
    private static partial Regex PackedInteger();

    /// <summary>Bitwise operations that 128-bit code also uses on single scalars (abs, negate by a sign mask).</summary>
    [GeneratedRegex(@"^v?p?(and|andn|or|xor|ternlog)")]
    private static partial Regex Logical();
}
