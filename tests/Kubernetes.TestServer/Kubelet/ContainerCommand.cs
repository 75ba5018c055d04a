using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// Turns a container's command and args into a local program. Images are not run: <c>dask</c>,
/// <c>dask-scheduler</c> and <c>dask-worker</c> run with Debian's Python, <c>python</c> is that Python, image
/// entry-point wrappers (<c>tini --</c>, <c>/usr/bin/prepare.sh</c>) are dropped, and anything else is looked up on PATH.
/// </summary>
public static partial class ContainerCommand
{
    private static readonly string[] DaskPrograms = ["dask", "dask-scheduler", "dask-worker"];

    public static (string FileName, List<string> Arguments) Resolve(JsonObject container, IReadOnlyDictionary<string, string> env, string podIp, Func<string, string> dns, KubeletOptions options)
    {
        var argv = (container["command"] as JsonArray ?? []).Concat(container["args"] as JsonArray ?? [])
            .Select(a => dns(VariableExpansion.Expand(a.Text(), env)))
            .ToList();
        argv = StripEntrypointWrappers(argv);
        if (argv.Count == 0)
        {
            throw new ContainerConfigException($"container \"{container.Str("name")}\" has no command or args: images are not run here, so the command must be given");
        }

        var program = Path.GetFileName(argv[0]);
        if (DaskPrograms.Contains(program))
        {
            return (options.Python, [Path.Combine(options.DaskBin, program), .. DaskArguments.BindToPod(program, argv[1..], podIp)]);
        }

        if (PythonRegex().IsMatch(program))
        {
            return (options.Python, argv[1..]);
        }

        if (Path.IsPathRooted(argv[0]) && File.Exists(argv[0]))
        {
            return (argv[0], argv[1..]);
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        return found is null
            ? throw new ContainerStartException($"exec: \"{argv[0]}\": executable file not found in $PATH")
            : (found, argv[1..]);
    }

    private static List<string> StripEntrypointWrappers(List<string> argv)
    {
        while (argv.Count > 0)
        {
            var program = Path.GetFileName(argv[0]);
            if (program == "tini" && argv.IndexOf("--") is var separator and > 0)
            {
                argv = argv[(separator + 1)..];
            }
            else if (program == "prepare.sh")
            {
                argv = argv[1..];
            }
            else
            {
                return argv;
            }
        }

        return argv;
    }

    [GeneratedRegex(@"^python(\d(\.\d+)?)?$")]
    private static partial Regex PythonRegex();
}

/// <summary>The container's program cannot be started (StartError, exit code 128).</summary>
public sealed class ContainerStartException(string message) : Exception(message);
