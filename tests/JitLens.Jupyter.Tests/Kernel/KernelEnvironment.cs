using JitLens.Jupyter.Tests.Support;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>
/// A private Jupyter set-up: data, config and runtime directories under a temp folder, with the kernel installed
/// there by the real <c>jitlens kernel install --user</c>, so Debian's jupyter tools find and launch it.
/// </summary>
public sealed class KernelEnvironment : IAsyncLifetime
{
    public const string Python = "/usr/bin/python3";

    public string Root { get; } = Directory.CreateTempSubdirectory("jitlens-jupyter-").FullName;

    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
        ["JUPYTER_PLATFORM_DIRS"] = "1",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public string KernelSpecPath => Path.Combine(Root, "data", "kernels", JitLens.Jupyter.KernelSpec.Name, "kernel.json");

    public ProcessRunner.Result? Install { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll");
        Install = await ProcessRunner.RunAsync("dotnet", [cli, "kernel", "install", "--user"], Variables, TimeSpan.FromMinutes(2));
    }

    /// <summary>Debian's python3 with jupyter_client and nbclient, as scripts/setup.sh installs them.</summary>
    public static bool Available => File.Exists(Python) && File.Exists("/usr/bin/jupyter");

    public static void RequireJupyter() =>
        Skip.IfNot(Available, $"{Python} with jupyter_client/nbclient and /usr/bin/jupyter are needed (scripts/setup.sh installs them)");

    public Task<ProcessRunner.Result> RunPythonAsync(string script, params string[] arguments) =>
        ProcessRunner.RunAsync(Python, [Path.Combine(AppContext.BaseDirectory, "Kernel", "python", script), .. arguments], Variables, TimeSpan.FromMinutes(8));

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that is still shutting down may hold a file; the temp folder is cleaned by the system later.
        }

        return Task.CompletedTask;
    }
}
