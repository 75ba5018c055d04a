using System.CommandLine;

namespace JitLens.Cli.Commands;

/// <summary><c>jitlens kernel install|run</c>: the C# Jupyter kernel with %%inspect.</summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var command = new Command("kernel", "The C# Jupyter kernel: %%inspect on top of a cell shows the code each line became.");
        command.Subcommands.Add(KernelInstallCommand.Create());
        command.Subcommands.Add(KernelRunCommand.Create());
        return command;
    }
}
