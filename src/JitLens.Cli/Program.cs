using System.CommandLine;
using System.CommandLine.Invocation;
using JitLens.Cli.Commands;

namespace JitLens.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) =>
        ManagedJitLens.IsNeeded && args is ["kernel", "run", ..]
            ? ManagedJitLens.RunAsync(args)
            : InvokeAsync(BuildRoot().Parse(args));

    private static Task<int> InvokeAsync(ParseResult parse)
    {
        // Bad options get their one sentence, not the whole help page after it (--help still shows it).
        if (parse.Action is ParseErrorAction error)
        {
            error.ShowHelp = false;
        }

        return parse.InvokeAsync();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("JitLens: for every source line, the code it became (IL, x64 asm, GPU code).");
        foreach (var command in CliCommands.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
