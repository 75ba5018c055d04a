using System.Globalization;
using JitLens.Model;

namespace JitLens.Rendering.Text;

/// <summary>
/// The text view's layout, shared by the plain renderer and the CLI's colour one: each unit's header, then each
/// source line followed by its instructions per view; prolog before the lines, epilog and unmapped code after.
/// </summary>
public static class TextLayout
{
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
            ];
            foreach (var view in views)
            {
                foreach (var instruction in line.Views[view])
                {
                    yield return InstructionLine(view, width, instruction);
                }
            }
        }

        foreach (var line in RegionLines(unit, views, width, CodeRegion.Epilog).Concat(RegionLines(unit, views, width, CodeRegion.Unmapped)))
        {
            yield return line;
        }
    }

    private static IEnumerable<IReadOnlyList<TextSpan>> RegionLines(InspectedUnit unit, IReadOnlyList<string> views, int width, CodeRegion region)
    {
        var present = views.Where(v => unit.Views[v].InRegion(region).Any()).ToList();
        if (present.Count == 0)
        {
            yield break;
        }

        yield return [new TextSpan($"      ({ViewOrder.Name(region)})", TextStyle.Region)];
        foreach (var view in present)
        {
            foreach (var instruction in unit.Views[view].InRegion(region))
            {
                yield return InstructionLine(view, width, instruction);
            }
        }
    }

    private static List<TextSpan> InstructionLine(string view, int width, CodeInstruction instruction)
    {
        var spans = new List<TextSpan> { new("        " + view.PadRight(width) + "  ", TextStyle.ViewName) };
        if (instruction.Label is { } label && !instruction.Text.StartsWith(label, StringComparison.Ordinal))
        {
            spans.Add(new TextSpan(label + ": ", TextStyle.Label));
        }

        spans.Add(new TextSpan(instruction.Text, TextStyle.Instruction));
        return spans;
    }
}
