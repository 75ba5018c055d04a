using System.Runtime.InteropServices;
using System.Text.Json;
using JitLens.Capture;
using JitLens.Pipeline;

namespace JitLens.Compilation;

/// <summary>
/// Which framework assemblies user code compiles against. Never jitlens' own dependencies (Roslyn, ClrMD, ...): in a
/// self-contained jitlens they sit in the runtime's directory too, so "everything beside System.Private.CoreLib" is wrong there.
/// </summary>
public static class FrameworkAssemblies
{
    /// <summary>The framework the JIT host will run the code on: the machine's .NET where jitlens is self-contained.</summary>
    public static IReadOnlyList<string> ForJitHost()
    {
        if (!DotnetInstallation.JitLensIsSelfContained)
        {
            return ForThisProcess();
        }

        var shared = DotnetInstallation.SharedFrameworkDirectory()
            ?? throw new InspectionException($"jitlens JITs user code on the machine's .NET, and no .NET {Environment.Version.Major} or later was found: install it, or set DOTNET_ROOT.");
        return Directory.EnumerateFiles(shared, "*.dll").Where(IsUserReference).ToList();
    }

    /// <summary>The framework this process runs on (e.g. for code the Jupyter kernel runs in-process).</summary>
    public static IReadOnlyList<string> ForThisProcess()
    {
        var runtimeDirectory = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFullPath(p).StartsWith(runtimeDirectory, StringComparison.Ordinal));
        if (DotnetInstallation.JitLensIsSelfContained)
        {
            // The bundled runtime's files are the ones the app's deps.json lists under the runtime pack.
            var runtimePack = RuntimePackFiles();
            trusted = trusted.Where(p => runtimePack.Contains(Path.GetFileName(p)));
        }

        return trusted.Where(IsUserReference).ToList();
    }

    private static bool IsUserReference(string path) =>
        !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal);

    private static HashSet<string> RuntimePackFiles()
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var depsFiles = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var depsFile in depsFiles.Where(File.Exists))
        {
            using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
            if (!deps.RootElement.TryGetProperty("targets", out var targets))
            {
                continue;
            }

            foreach (var library in targets.EnumerateObject().SelectMany(t => t.Value.EnumerateObject()))
            {
                if (library.Name.StartsWith("runtimepack.Microsoft.NETCore.App.", StringComparison.Ordinal) && library.Value.TryGetProperty("runtime", out var runtime))
                {
                    files.UnionWith(runtime.EnumerateObject().Select(f => Path.GetFileName(f.Name)));
                }
            }
        }

        return files;
    }
}
