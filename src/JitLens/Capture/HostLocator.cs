using System.Diagnostics;
using System.Runtime.InteropServices;
using JitLens.Pipeline;

namespace JitLens.Capture;

/// <summary>How to start the JIT host that ships beside JitLens.dll (the CLI, the Jupyter kernel and the tests all copy it there).</summary>
internal static class HostLocator
{
    public static string HostAssembly => Path.Combine(AppContext.BaseDirectory, "JitLens.Host.dll");

    /// <summary>
    /// A start for the host with <paramref name="arguments"/>, always through the <c>dotnet</c> muxer: even where jitlens
    /// itself is installed self-contained (the ReadyToRun tool package), user code is JITted on the machine's own .NET.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        if (!File.Exists(HostAssembly))
        {
            throw new InspectionException($"JitLens.Host.dll is missing from {AppContext.BaseDirectory}: reinstall jitlens.");
        }

        var start = new ProcessStartInfo(DotnetExecutable()) { ArgumentList = { HostAssembly } };
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

    private static string DotnetExecutable()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot
            && Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet") is var rooted && File.Exists(rooted))
        {
            return rooted;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet (a self-contained jitlens falls through to PATH)
        var runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
