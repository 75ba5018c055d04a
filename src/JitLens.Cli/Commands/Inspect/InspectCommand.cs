using System.CommandLine;
using JitLens.Pipeline;
using JitLens.Rendering;

namespace JitLens.Cli.Commands.Inspect;

/// <summary><c>jitlens inspect FILE.cs|ASSEMBLY.dll [options]</c>: runs the pipeline and renders the model.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "C# source files, or one built assembly with its .pdb beside it.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", RendererCatalog.Names)}.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. RendererCatalog.Names]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of the console." };
        var timings = new Option<bool>("--timings") { Description = "Print to stderr how long start-up, each stage and the output took." };

        var command = new Command("inspect", "Show, for every source line, the IL and native code it became.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(timings);
        var groups = InspectOptionGroups.All();
        foreach (var option in groups.SelectMany(g => g.Options))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new InspectRequest { Inputs = parse.GetValue(inputs) ?? [] };
            request = groups.Aggregate(request, (r, g) => g.Apply(r, parse));
            var destination = new InspectDestination(parse.GetValue(format) ?? "text", parse.GetValue(output), parse.GetValue(timings));
            return await InspectRunner.RunAsync(request, destination, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
