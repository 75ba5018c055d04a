using System.CommandLine;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Inspect;

/// <summary>A group of <c>inspect</c> options (core, GPU, Numba...) and how they fill the request.</summary>
internal interface IInspectOptions
{
    IEnumerable<Option> Options { get; }

    /// <summary>Returns the request with this group's options applied (<c>request with { ... }</c>).</summary>
    InspectRequest Apply(InspectRequest request, ParseResult parse);
}
