using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace JitLens.Capture;

/// <summary>
/// The machine's own .NET, which runs the JIT host: its <c>dotnet</c> muxer and the shared framework the host runs on.
/// jitlens itself may be self-contained or native (the tool package) and then runs on a runtime of its own.
/// </summary>
public static class DotnetInstallation
{
    private static readonly string MuxerName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>Whether jitlens runs on a runtime bundled beside it (or compiled into it) rather than on the machine's shared framework.</summary>
    public static bool JitLensIsSelfContained { get; } = !RuntimeFeature.IsDynamicCodeSupported || string.Equals(
        Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar),
        Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar),
        StringComparison.Ordinal);

    /// <summary>The <c>dotnet</c> muxer: the one running jitlens, <c>DOTNET_HOST_PATH</c>, <c>DOTNET_ROOT</c>, the root of the shared framework jitlens runs on, or PATH.</summary>
    public static string Executable()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == MuxerName)
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot && Path.Combine(dotnetRoot, MuxerName) is var rooted && File.Exists(rooted))
        {
            return rooted;
        }

        if (!JitLensIsSelfContained)
        {
            // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
            var runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar);
            var candidate = Path.Combine(Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..")), MuxerName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return OnPath() ?? "dotnet";
    }

    /// <summary>
    /// The shared framework directory the host runs on: the newest <c>Microsoft.NETCore.App</c> of this major version or
    /// later beside the muxer (the host rolls forward to the latest major); null when there is none.
    /// </summary>
    public static string? SharedFrameworkDirectory()
    {
        var muxer = Executable();
        if (!Path.IsPathRooted(muxer))
        {
            return null;
        }

        var resolved = File.ResolveLinkTarget(muxer, returnFinalTarget: true)?.FullName ?? muxer;
        var frameworks = Path.Combine(Path.GetDirectoryName(resolved)!, "shared", "Microsoft.NETCore.App");
        if (!Directory.Exists(frameworks))
        {
            return null;
        }

        return Directory.EnumerateDirectories(frameworks)
            .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(f => f.Version is not null && f.Version.Major >= Environment.Version.Major)
            .OrderByDescending(f => f.Version)
            .Select(f => f.Directory)
            .FirstOrDefault();
    }

    private static string? OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, MuxerName))
            .FirstOrDefault(File.Exists);
}
