using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Jupyter.Inspect;

/// <summary>
/// Narrows the pipeline's result to what the user wrote in this cell: methods and kernels whose lines are in the
/// cell (not earlier cells, not compiler-generated helpers), named without the scripting engine's
/// <c>Submission#N</c> wrapper, with the cell shown as <c>In[N]</c>.
/// </summary>
internal static partial class CellView
{
    public const string TopLevelNote = "%%inspect shows the methods, local functions and types the cell declares; its top-level statements run but are not shown.";

    public static InspectionResult Of(InspectionResult full, string cellPath, string label, string cellText)
    {
        var source = SourceDocument.FromText(label, cellText.StartsWith("//%%", StringComparison.Ordinal) ? cellText[2..] : cellText, "csharp");
        var view = new InspectionResult();
        view.Sources.Add(source);
        foreach (var note in full.Notes)
        {
            view.Notes.Add(note);
        }

        foreach (var unit in full.Methods.Where(u => IsCellCode(u, cellPath)))
        {
            view.Methods.Add(Copy(unit, source));
        }

        foreach (var unit in full.Kernels.Where(u => IsCellCode(u, cellPath)))
        {
            view.Kernels.Add(Copy(unit, source));
        }

        if (view.Methods.Count + view.Kernels.Count == 0)
        {
            view.Notes.Add(TopLevelNote);
        }

        return view;
    }

    private static bool IsCellCode(InspectedUnit unit, string cellPath) =>
        SamePath(unit.Source.Path, cellPath)
        && !Submission().Replace(unit.Name, string.Empty).Split('(')[0].Contains('<', StringComparison.Ordinal)
        && unit.Lines().Any(l => l.Views.Values.Any(v => v.Count > 0));

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static InspectedUnit Copy(InspectedUnit unit, SourceDocument source)
    {
        var copy = new InspectedUnit(Submission().Replace(unit.Name, string.Empty), unit.Kind, source)
        {
            Tier = unit.Tier,
            Arch = unit.Arch,
            CodeSize = unit.CodeSize,
            Signature = unit.Signature,
            LineRange = unit.LineRange,
            Cfg = unit.Cfg,
        };
        foreach (var listing in unit.Views.Values)
        {
            copy.AddView(listing);
        }

        foreach (var note in unit.Notes)
        {
            copy.Notes.Add(note);
        }

        return copy;
    }

    [GeneratedRegex(@"Submission#\d+[.+]")]
    private static partial Regex Submission();
}
