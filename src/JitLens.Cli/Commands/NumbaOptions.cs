using System.CommandLine;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands;

/// <summary>
/// The options the Numba frontend adds to <c>jitlens inspect</c>: extra signatures, the Python to run, and a report
/// captured already.
/// </summary>
public sealed class NumbaOptions
{
    public Option<string[]> Signature { get; } = new("--signature")
    {
        Description = "Numba only: also compile this signature, e.g. 'float64(float64[:])' for every function with that many parameters, or 'name:float64(float64[:])' (repeatable).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Python { get; } = new("--python")
    {
        Description = "Numba only: the Python interpreter (with Numba installed) that runs the file; default /usr/bin/python3.",
    };

    public Option<string> Report { get; } = new("--numba-report")
    {
        Description = "Numba only: map this capture report (written by the %%jitlens magic, which ran the file itself) instead of running the file.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Signature);
        command.Options.Add(Python);
        command.Options.Add(Report);
    }

    /// <summary>The request with what these options asked for.</summary>
    public InspectRequest ApplyTo(InspectRequest request, ParseResult parseResult) => request with
    {
        Signatures = [.. request.Signatures, .. parseResult.GetValue(Signature) ?? []],
        Python = parseResult.GetValue(Python) ?? request.Python,
        NumbaReport = parseResult.GetValue(Report) ?? request.NumbaReport,
    };
}
