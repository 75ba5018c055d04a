using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace JitLens.Jupyter.Execution;

/// <summary>Compile errors and exceptions as Jupyter errors that name the cell and its lines, never the kernel's internals.</summary>
internal static partial class ErrorFormatter
{
    public static CellError Compilation(IReadOnlyList<Diagnostic> errors, CellNames names)
    {
        var lines = errors.Select(d => Describe(d, names)).ToList();
        return new CellError("CompilationError", lines[0], lines);
    }

    /// <summary><c>In[3]:2:9: error CS0103: The name 'x' does not exist in the current context</c>.</summary>
    public static string Describe(Diagnostic diagnostic, CellNames names)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"{names.LabelOf(span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: ")
            : string.Empty;
        return $"{where}error {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The exception and the frames of the user's cells (kernel and scripting frames left out).</summary>
    public static CellError Exception(Exception exception, CellNames names)
    {
        var frames = names.Relabel(exception.StackTrace ?? string.Empty)
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => CellFrame().IsMatch(l))
            .Select(l => Submission().Replace(l, string.Empty).Replace("<<Initialize>>d__0.MoveNext()", "<top-level statements>", StringComparison.Ordinal))
            .ToList();
        var line = frames.Select(f => CellFrame().Match(f)).Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}: ").FirstOrDefault() ?? string.Empty;
        var type = exception.GetType().Name;
        var traceback = new List<string> { $"{line}{type}: {exception.Message}" };
        traceback.AddRange(frames);
        return new CellError(type, exception.Message, traceback);
    }

    [GeneratedRegex(@" in (In\[\d+\]|cell\d+):line (\d+)")]
    private static partial Regex CellFrame();

    [GeneratedRegex(@"Submission#\d+[.+]")]
    private static partial Regex Submission();
}
