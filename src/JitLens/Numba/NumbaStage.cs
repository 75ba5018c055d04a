using System.Globalization;
using JitLens.Model;
using JitLens.Pipeline;

namespace JitLens.Numba;

/// <summary>
/// The Numba frontend: for a .py input, runs the capture script in a separate Python process (or reads the report
/// of a capture already made where the file ran, <see cref="InspectRequest.NumbaReport"/>) and maps the report into
/// the model (bytecode, numba_ir, llvm and asm per Python line; ptx and sass for CUDA kernels).
/// </summary>
public sealed class NumbaStage : IInspectionStage
{
    public string Name => "numba";

    public bool AppliesTo(InspectionContext context) =>
        context.Request.InputKind == InputKind.Python;

    public async Task RunAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        foreach (var file in context.Request.Inputs)
        {
            if (!File.Exists(file))
            {
                throw new InspectionException($"{file}: no such file.");
            }

            var report = context.Request.NumbaReport is { } captured
                ? await PythonCapture.ReadAsync(captured, file, cancellationToken).ConfigureAwait(false)
                : await PythonCapture.RunAsync(file, context.Request, cancellationToken).ConfigureAwait(false);
            AddReport(context, file, report, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Maps one capture report into the result. Problems the file ran into (it raised after defining functions, one
    /// function failed to compile) become notes beside what could be shown; they fail the inspection only when no
    /// Numba function can be shown at all.
    /// </summary>
    internal static void AddReport(InspectionContext context, string file, CaptureReport report, string text)
    {
        if (report.Error is { } error)
        {
            throw new InspectionException(Describe(file, error));
        }

        if (context.Request.NumbaOpt is { } opt && report.OptLevel is { } captured && captured != opt)
        {
            throw new InspectionException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: the Numba capture report was made at NUMBA_OPT={captured}, not at the NUMBA_OPT={opt} asked for."));
        }

        var problems = report.Problems ?? [];
        if (problems.Count > 0 && !report.Functions.Any(f => f.Signatures.Count > 0))
        {
            throw new InspectionException(Describe(file, problems[0]));
        }

        var source = SourceDocument.FromText(file, text, "python");
        context.Result.Sources.Add(source);
        NumbaUnits.AddTo(context.Result, report, source, context.Request);
        foreach (var note in problems.Select(p => Describe(file, p)).Concat(report.Notes))
        {
            context.Result.Notes.Add(note);
        }

        if (report.Functions.Count == 0)
        {
            context.Result.Notes.Add($"{file} defines no Numba function (@njit, @jit, @vectorize, @cuda.jit).");
        }
    }

    private static string Describe(string file, CaptureError error) => error.Kind switch
    {
        "syntax" => string.Create(CultureInfo.InvariantCulture, $"{file}:{error.Line}:{error.Column}: syntax error: {error.Message}"),
        "exception" when error.Line is { } line => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: running the file raised {error.Message}"),
        "exception" => $"{file}: running the file raised {error.Message}",
        _ => $"{file}: {error.Message}",
    };
}
