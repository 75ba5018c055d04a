using System.Diagnostics;
using System.Runtime.CompilerServices;
using JitLens.Capture;

namespace JitLens.Cli.Commands;

/// <summary>
/// The framework-dependent jitlens (JitLens.Cli.dll) that the native tool package ships beside its executable, for what
/// needs the JIT: the Jupyter kernel compiles and runs notebook cells in its own process with Roslyn scripting.
/// </summary>
internal static class ManagedJitLens
{
    /// <summary>Whether this jitlens is natively compiled and must hand JIT-only commands over.</summary>
    public static bool IsNeeded => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The command line that starts the managed jitlens: the machine's <c>dotnet</c> and the assembly beside us.</summary>
    public static List<string> Command() => [DotnetInstallation.Executable(), Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll")];

    /// <summary>Runs the managed jitlens with <paramref name="args"/> on this console and returns its exit code.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var command = Command();
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }
}
