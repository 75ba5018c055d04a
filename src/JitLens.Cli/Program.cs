using System.CommandLine;
using JitLens.Cli.Commands;

namespace JitLens.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) =>
        ManagedJitLens.IsNeeded && args is ["kernel", "run", ..]
            ? ManagedJitLens.RunAsync(args)
            : BuildRoot().Parse(args).InvokeAsync();

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
