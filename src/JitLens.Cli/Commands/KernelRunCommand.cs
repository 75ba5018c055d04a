using System.CommandLine;
using JitLens.Jupyter;

namespace JitLens.Cli.Commands;

/// <summary><c>jitlens kernel run CONNECTION_FILE</c>: what Jupyter launches (from kernel.json); serves until shut down.</summary>
internal static class KernelRunCommand
{
    public static Command Create()
    {
        var connectionFile = new Argument<string>("connection-file") { Description = "The connection file Jupyter wrote for this kernel." };
        var command = new Command("run", "Run the kernel (Jupyter starts this; you do not need to).");
        command.Arguments.Add(connectionFile);
        command.SetAction(parse => KernelHost.Run(parse.GetValue(connectionFile)!, Console.Error));
        return command;
    }
}
