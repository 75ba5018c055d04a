using System.Text;
using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Tests.Gpu.Support;

/// <summary>
/// A kernel's per-line PTX as text, with what changes from run to run masked: ILGPU names labels and parameters
/// after IR node ids (<c>L_640</c>, <c>_data_67</c>). Set JITLENS_UPDATE_SNAPSHOTS=1 to rewrite the expectations.
/// </summary>
internal static partial class PtxSnapshot
{
    public static string Of(InspectedUnit unit)
    {
        var text = new StringBuilder();
        foreach (var region in new[] { CodeRegion.Prolog, CodeRegion.Unmapped })
        {
            foreach (var instruction in unit.Views["ptx"].InRegion(region))
            {
                text.Append('(').Append(region.ToString().ToLowerInvariant()).Append(") ").AppendLine(Mask(instruction.Text));
            }
        }

        foreach (var line in unit.Lines().Where(l => l.Views["ptx"].Count > 0))
        {
            text.Append(line.Line).Append(" | ").AppendLine(line.Source.Trim());
            foreach (var instruction in line.Views["ptx"])
            {
                text.Append("    ").AppendLine(Mask(instruction.Text));
            }
        }

        return text.ToString();
    }

    public static string Expected(string name, string actual)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Gpu", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("JITLENS_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(source, actual);
        }

        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gpu", "Snapshots", name)).ReplaceLineEndings("\n");
    }

    private static string Mask(string text) => Parameter().Replace(Label().Replace(text, "L_#"), "_${name}_#");

    [GeneratedRegex(@"\bL_\d+\b")]
    private static partial Regex Label();

    [GeneratedRegex(@"\b_(?<name>[A-Za-z]\w*?)_\d+\b")]
    private static partial Regex Parameter();
}
