using System.Diagnostics;
using JitLens.Pipeline;

namespace JitLens.Capture;

/// <summary>How to start the JIT host that ships beside JitLens.dll (the CLI, the Jupyter kernel and the tests all copy it there).</summary>
internal static class HostLocator
{
    public static string HostAssembly => Path.Combine(AppContext.BaseDirectory, "JitLens.Host.dll");

    /// <summary>
    /// A start for the host with <paramref name="arguments"/>, always through the <c>dotnet</c> muxer: even where jitlens
    /// itself is installed as the native tool package, user code is JITted on the machine's own .NET.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        if (!File.Exists(HostAssembly))
        {
            throw new InspectionException($"JitLens.Host.dll is missing from {AppContext.BaseDirectory}: reinstall jitlens.");
        }

        var start = new ProcessStartInfo(DotnetInstallation.Executable()) { ArgumentList = { HostAssembly } };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }
}
