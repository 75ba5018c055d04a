using System.Text.RegularExpressions;
using JitLens.Model;

namespace JitLens.Jupyter.Inspect;

/// <summary>
/// Narrows the pipeline's result to what the user wrote in this cell: methods and kernels of the cell's own
/// submission class (not earlier cells' kernels it launches, not compiler-generated helpers), named without the
/// scripting engine's <c>Submission#N</c> wrapper, with the cell shown as <c>In[N]</c>.
/// </summary>
internal static partial class CellView
{
    public const string TopLevelNote = "%%inspect shows the methods, local functions and types the cell declares; its top-level statements run but are not shown.";

    public static InspectionResult Of(InspectionResult full, string submission, string label, string cellText)
    {
        var source = SourceDocument.FromText(label, cellText.StartsWith("//%%", StringComparison.Ordinal) ? cellText[2..] : cellText, "csharp");
        var view = new InspectionResult();
        view.Sources.Add(source);
        // Notes about the scripting engine's own Submission#N members say nothing about the user's code.
        foreach (var note in full.Notes.Where(n => !Submission().IsMatch(n)))
        {
            view.Notes.Add(note);
        }

        foreach (var unit in full.Methods.Where(u => IsCellCode(u, submission)))
        {
            view.Methods.Add(Copy(unit, source));
        }

        // Kernels are shown even when their debug info maps no line: their PTX is still worth seeing, labelled unmapped.
        foreach (var unit in full.Kernels.Where(u => IsOwn(u, submission)))
        {
            view.Kernels.Add(Copy(unit, source));
        }

        if (view.Methods.Count + view.Kernels.Count == 0)
        {
            view.Notes.Add(TopLevelNote);
        }

        return view;
    }

    private static bool IsCellCode(InspectedUnit unit, string submission) =>
        IsOwn(unit, submission)
        && unit.Lines().Any(l => l.Views.Values.Any(v => v.Count > 0));

    /// <summary>Declared by the user in this cell: in its submission class, and not compiler-generated.</summary>
    private static bool IsOwn(InspectedUnit unit, string submission) =>
        (unit.Name.StartsWith(submission + ".", StringComparison.Ordinal) || unit.Name.StartsWith(submission + "+", StringComparison.Ordinal))
        && !Submission().Replace(unit.Name, string.Empty).Split('(')[0].Contains('<', StringComparison.Ordinal);

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
