using System.Globalization;
using System.Text.RegularExpressions;

namespace JitLens.Gpu.Ptx;

/// <summary>
/// The PTX a kernel runs as. Source annotations make ILGPU add <c>, debug</c> to <c>.target</c> and an empty
/// <c>.debug_info</c> section, which make ptxas (and the driver) compile without optimisation; a program that launches
/// the kernel has no annotations. So the view, ptxas and nvdisasm get the PTX without both, keeping the <c>.loc</c>
/// lines that only carry line info.
/// </summary>
public static partial class RunnablePtx
{
    public static string Of(string annotatedPtx) =>
        DebugSection().Replace(DebugTarget().Replace(annotatedPtx, "$1"), "");

    /// <summary>The architecture the PTX's <c>.target</c> names, e.g. <c>sm_80</c>; null when it names none.</summary>
    public static string? TargetOf(string ptx) =>
        Target().Match(ptx) is { Success: true } m ? m.Groups[1].Value.ToLower(CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(\.target\s+sm_\w+)\s*,\s*debug")]
    private static partial Regex DebugTarget();

    [GeneratedRegex(@"^\s*\.section\s*\.debug_\w+\s*\{[^}]*\}\s*$", RegexOptions.Multiline)]
    private static partial Regex DebugSection();

    [GeneratedRegex(@"^\s*\.target\s+(sm_\w+)", RegexOptions.Multiline)]
    private static partial Regex Target();
}
