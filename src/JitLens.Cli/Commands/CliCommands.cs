using System.CommandLine;
using JitLens.Cli.Commands.Inspect;

namespace JitLens.Cli.Commands;

/// <summary>The one place where subcommands are registered (each command lives in its own folder).</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All() =>
    [
        InspectCommand.Create(),

        // Two inspections side by side, on the same options as inspect (and per-side ones).
        Diff.DiffCommand.Create(),

        // The view catalog, for people and for front ends that build their flags from it (IPython's %%jitlens).
        Views.ViewsCommand.Create(),

        // The Jupyter kernel: `jitlens kernel install` writes a kernel spec whose argv is `jitlens kernel run`.
        KernelCommand.Create(),

        // A resident jitlens for IPython's %%jitlens: one process per kernel answers every cell.
        Serve.ServeCommand.Create(),
    ];
}
