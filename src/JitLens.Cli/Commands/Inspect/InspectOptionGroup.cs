using System.CommandLine;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>An option group made of options and a function, for groups declared as plain classes (e.g. <see cref="NumbaOptions"/>).</summary>
internal sealed class InspectOptionGroup : IInspectOptions
{
    private readonly Func<InspectRequest, ParseResult, InspectRequest> _apply;

    public InspectOptionGroup(IEnumerable<Option> options, Func<InspectRequest, ParseResult, InspectRequest> apply)
    {
        Options = options.ToList();
        _apply = apply;
    }

    public IEnumerable<Option> Options { get; }

    public InspectRequest Apply(InspectRequest request, ParseResult parse) => _apply(request, parse);
}
