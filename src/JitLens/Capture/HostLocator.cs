using System.Diagnostics;
using System.Runtime.InteropServices;
using JitLens.Pipeline;

namespace JitLens.Capture;

/// <summary>How to start the JIT host that ships beside JitLens.dll (the CLI, the Jupyter kernel and the tests all copy it there).</summary>
internal static class HostLocator
{
    public static string HostAssembly => Path.Combine(AppContext.BaseDirectory, "JitLens.Host.dll");

    /// <summary>
    /// A start for the host with <paramref name="arguments"/>: through the <c>dotnet</c> muxer, or, where jitlens is
    /// installed self-contained (the ReadyToRun tool package), the host's own launcher on the same bundled runtime.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        if (!File.Exists(HostAssembly))
        {
            throw new InspectionException($"JitLens.Host.dll is missing from {AppContext.BaseDirectory}: reinstall jitlens.");
        }

        var launcher = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "JitLens.Host.exe" : "JitLens.Host");
        var start = IsSelfContained() && File.Exists(launcher) ? new ProcessStartInfo(launcher) : new ProcessStartInfo(DotnetExecutable()) { ArgumentList = { HostAssembly } };
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

    /// <summary>Self-contained: the runtime itself lives in the application's directory.</summary>
    private static bool IsSelfContained() =>
        string.Equals(
            Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar),
            Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar),
            StringComparison.Ordinal);

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

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
