using System.CommandLine;
using JitLens.Cli.Commands.Inspect;
using JitLens.Compare.Rendering;
using JitLens.Pipeline;

namespace JitLens.Cli.Commands.Diff;

/// <summary>
/// <c>jitlens diff A [B] [--left-tier T --right-tier T | --left-arch sm_XX --right-arch sm_YY | --left-signature S
/// --right-signature S | --left-numba-opt N --right-numba-opt N | ...]</c>: two
/// inspections side by side, aligned by source line; takes every <c>inspect</c> option for both sides.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("files")
        {
            Description = "Two files (before and after an edit), or one file inspected two ways (--left-tier/--right-tier, --left-arch/--right-arch, --left-signature/--right-signature, --left-numba-opt/--right-numba-opt, ...).",
            Arity = new ArgumentArity(1, 2),
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", CompareRendererCatalog.Names)}.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. CompareRendererCatalog.Names]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of the console." };
        var width = new Option<int?>("--width") { Description = $"Text width; from {CompareRenderOptions.TwoColumnWidth} on the sides stand in two columns (default: the console's width)." };

        var command = new Command("diff", "Compare two inspections line by line: instruction counts and code sizes per line, changed lines marked.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(width);
        var groups = InspectOptionGroups.All();
        DiffSideOptions[] sides = [new("left"), new("right")];
        foreach (var option in groups.SelectMany(g => g.Options).Concat(sides.SelectMany(s => s.Options)))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(inputs) ?? [];
            var shared = groups.Aggregate(new InspectRequest { Inputs = [] }, (r, g) => g.Apply(r, parse));
            var left = sides[0].Apply(shared with { Inputs = [files[0]] }, parse);
            var right = sides[1].Apply(shared with { Inputs = [files[^1]] }, parse);
            var labels = DiffLabels.Of(files, sides[0].Label(parse), sides[1].Label(parse));
            var renderer = CompareRendererCatalog.Find(parse.GetValue(format) ?? "text")!;
            var options = new CompareRenderOptions { Width = parse.GetValue(width) ?? ConsoleWidth() };
            var named = new DiffSides(left, right, sides[0].Named(parse) ?? labels.Left, sides[1].Named(parse) ?? labels.Right);
            return await DiffRunner.RunAsync(named, renderer, options, parse.GetValue(output), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static int ConsoleWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return new CompareRenderOptions().Width;
        }

        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return new CompareRenderOptions().Width;
        }
    }
}
