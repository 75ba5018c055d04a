using System.CommandLine;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands;

/// <summary>
/// The options the Numba frontend adds to <c>jitlens inspect</c>: extra signatures, the Python to run, a report
/// captured already, and the NUMBA_OPT level.
/// </summary>
public sealed class NumbaOptions
{
    public Option<string[]> Signature { get; } = new("--signature")
    {
        Description = "Numba only: also compile this signature, e.g. 'float64(float64[:])' for every function with that many parameters, 'name:float64(float64[:])' or 'name(float64[:])' for one function (repeatable).",
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

    public Option<int?> Opt { get; } = OptOption("--numba-opt", "Numba only: NUMBA_OPT, the optimisation level (0 to 3) of the Python process that runs the file; default: the environment's, else Numba's 3.");

    public void AddTo(Command command)
    {
        command.Options.Add(Signature);
        command.Options.Add(Python);
        command.Options.Add(Report);
        command.Options.Add(Opt);
    }

    /// <summary>An option for a NUMBA_OPT level, which Numba takes from 0 to 3.</summary>
    public static Option<int?> OptOption(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } level && level is < 0 or > 3)
            {
                result.AddError($"{name} takes a NUMBA_OPT level from 0 to 3, not {level}.");
            }
        });
        return option;
    }

    /// <summary>The request with what these options asked for.</summary>
    public InspectRequest ApplyTo(InspectRequest request, ParseResult parseResult) => request with
    {
        Signatures = [.. request.Signatures, .. parseResult.GetValue(Signature) ?? []],
        Python = parseResult.GetValue(Python) ?? request.Python,
        NumbaReport = parseResult.GetValue(Report) ?? request.NumbaReport,
        NumbaOpt = parseResult.GetValue(Opt) ?? request.NumbaOpt,
    };
}
