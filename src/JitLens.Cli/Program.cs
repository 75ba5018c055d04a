using System.CommandLine;
using JitLens.Cli.Commands;

namespace JitLens.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var root = new RootCommand("JitLens");
        root.Subcommands.Add(KernelCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
