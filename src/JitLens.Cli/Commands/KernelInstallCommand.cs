using System.CommandLine;
using JitLens.Jupyter;

namespace JitLens.Cli.Commands;

/// <summary><c>jitlens kernel install [--user]</c>: registers the kernel with Jupyter, launched by this very jitlens.</summary>
internal static class KernelInstallCommand
{
    public static Command Create()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (JUPYTER_DATA_DIR or ~/.local/share/jupyter) instead of /usr/local/share/jupyter." };
        var command = new Command("install", $"Install the '{KernelSpec.DisplayName}' kernel spec for Jupyter.");
        command.Options.Add(user);
        command.SetAction(parse =>
        {
            var directory = KernelSpec.DataDirectory(parse.GetValue(user));
            try
            {
                var path = KernelSpec.Install(directory, Launcher());
                Console.WriteLine($"Installed kernel spec {KernelSpec.Name} in {Path.GetDirectoryName(path)}");
                return 0;
            }
            catch (UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"jitlens: cannot write to {directory}; run with --user, or as root.");
                return 1;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"jitlens: cannot write the kernel spec in {directory}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// The command that starts this jitlens again: the apphost itself, or dotnet with JitLens.Cli.dll, which is also what a
    /// native jitlens registers (the managed copy beside it), since the kernel runs cells with Roslyn scripting, which
    /// needs the JIT.
    /// </summary>
    private static List<string> Launcher()
    {
        var process = Environment.ProcessPath;
        var viaDotnet = process is null || Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var launcher = ManagedJitLens.IsNeeded || viaDotnet ? ManagedJitLens.Command() : [process!];
        launcher.AddRange(["kernel", "run"]);
        return launcher;
    }
}
