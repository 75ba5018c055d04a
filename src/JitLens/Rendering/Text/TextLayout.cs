using System.Globalization;
using JitLens.Model;

namespace JitLens.Rendering.Text;

/// <summary>
/// The text view's layout, shared by the plain renderer and the CLI's colour one: each unit's header, then each
/// source line followed by its instructions per view, in emission order with gaps marked, and each epilog in place after
/// the line it follows; prolog before the lines, the rest (unmapped code) after, gaps marked there too.
/// </summary>
public static class TextLayout
{
    /// <summary>Shown between two runs of a line's code that are not adjacent in the method.</summary>
    public const string Gap = "...";

    public static IEnumerable<IReadOnlyList<TextSpan>> Lines(InspectionResult result, RenderOptions options)
    {
        foreach (var unit in result.Methods.Concat(result.Kernels))
        {
            foreach (var line in Unit(unit, options))
            {
                yield return line;
            }

            yield return [];
        }

        foreach (var note in result.Notes)
        {
            yield return [new TextSpan("note: " + note, TextStyle.Note)];
        }
    }

    private static IEnumerable<IReadOnlyList<TextSpan>> Unit(InspectedUnit unit, RenderOptions options)
    {
        var views = ViewOrder.For(unit, options);
        var width = views.Count == 0 ? 0 : views.Max(v => v.Length);
        var facts = new[] { unit.Tier, unit.Arch, unit.Signature, unit.CodeSize is { } s ? s.ToString(CultureInfo.InvariantCulture) + " bytes" : null }
            .Where(f => f is not null);
        yield return [new TextSpan($"== {unit.Name}  [{string.Join(", ", facts)}]", TextStyle.UnitHeader)];
        foreach (var note in unit.Notes)
        {
            yield return [new TextSpan("   note: " + note, TextStyle.Note)];
        }

        foreach (var remarks in TextRemarks.Summary(unit))
        {
            yield return remarks;
        }

        foreach (var line in RegionLines(unit, views, width, CodeRegion.Header).Concat(RegionLines(unit, views, width, CodeRegion.Prolog)))
        {
            yield return line;
        }

        foreach (var line in unit.Lines())
        {
            yield return
            [
                new TextSpan(line.Line.ToString(CultureInfo.InvariantCulture).PadLeft(5) + " | ", TextStyle.LineNumber),
                new TextSpan(line.Source, TextStyle.Source),
                .. TextRemarks.Badges(line),
            ];
            if (InliningNote(line) is { } inlining)
            {
                yield return [new TextSpan("        " + inlining, TextStyle.Region)];
            }

            foreach (var view in views)
            {
                foreach (var shown in RunLines(view, width, line.Runs[view], underLine: true))
                {
                    yield return shown;
                }
            }

            // The remarks' sentences follow the code they are about.
            foreach (var remark in TextRemarks.Explanations(line))
            {
                yield return remark;
            }
        }

        foreach (var line in RegionLines(unit, views, width, CodeRegion.Epilog).Concat(RegionLines(unit, views, width, CodeRegion.Unmapped)))
        {
            yield return line;
        }
    }

    private static IEnumerable<IReadOnlyList<TextSpan>> RegionLines(InspectedUnit unit, IReadOnlyList<string> views, int width, CodeRegion region)
    {
        var present = views.Where(v => unit.Views[v].OutsideLines(region).Any()).ToList();
        if (present.Count == 0)
        {
            yield break;
        }

        yield return [new TextSpan($"      ({ViewOrder.Label(region)})", TextStyle.Region)];
        foreach (var view in present)
        {
            foreach (var shown in RunLines(view, width, unit.Views[view].RunsOutsideLines(region), underLine: false))
            {
                yield return shown;
            }
        }
    }

    private static IEnumerable<IReadOnlyList<TextSpan>> RunLines(string view, int width, IReadOnlyList<IReadOnlyList<CodeInstruction>> runs, bool underLine)
    {
        for (var r = 0; r < runs.Count; r++)
        {
            if (r > 0)
            {
                // Other code sits between these runs: the last instruction above does not fall into the next.
                yield return [new TextSpan("        " + view.PadRight(width) + "  ", TextStyle.ViewName), new TextSpan(Gap, TextStyle.Region)];
            }

            foreach (var instruction in runs[r])
            {
                yield return InstructionLine(view, width, instruction, underLine);
            }
        }
    }

    private static List<TextSpan> InstructionLine(string view, int width, CodeInstruction instruction, bool underLine)
    {
        var spans = new List<TextSpan> { new("        " + view.PadRight(width) + "  ", TextStyle.ViewName) };
        if (underLine && instruction.Region != CodeRegion.Body)
        {
            // An exit, a throw path or a dispatch shown in place under a line says what it is.
            spans.Add(new TextSpan($"({ViewOrder.Label(instruction.Region)}) ", TextStyle.Region));
        }

        if (instruction.Label is { } label && !instruction.Text.StartsWith(label, StringComparison.Ordinal))
        {
            spans.Add(new TextSpan(label + ": ", TextStyle.Label));
        }

        spans.Add(new TextSpan(instruction.Text, TextStyle.Instruction));
        return spans;
    }

    /// <summary>Where the compiler inlined one function into another, the calling line and the inlined lines say so.</summary>
    public static string? InliningNote(LineCode line)
    {
        var parts = new List<string>();
        if (line.Inlines.Count > 0)
        {
            parts.Add("inlines the code of line" + (line.Inlines.Count > 1 ? "s " : " ") + string.Join(", ", line.Inlines));
        }

        if (line.InlinedAt.Count > 0)
        {
            parts.Add("inlined into line" + (line.InlinedAt.Count > 1 ? "s " : " ") + string.Join(", ", line.InlinedAt));
        }

        return parts.Count == 0 ? null : "(" + string.Join("; ", parts) + ")";
    }
}
