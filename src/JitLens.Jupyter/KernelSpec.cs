using System.Text.Json;
using System.Text.Json.Nodes;

namespace JitLens.Jupyter;

/// <summary>The kernel spec Jupyter uses to find and launch the kernel: <c>kernels/jitlens-csharp/kernel.json</c>.</summary>
public static class KernelSpec
{
    public const string Name = "jitlens-csharp";

    public const string DisplayName = "C# (JitLens)";

    /// <summary>Jupyter's user data directory (<c>JUPYTER_DATA_DIR</c>, else <c>~/.local/share/jupyter</c>) or the system one.</summary>
    public static string DataDirectory(bool user)
    {
        if (!user)
        {
            return "/usr/local/share/jupyter";
        }

        var configured = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg;
        return Path.Combine(dataHome, "jupyter");
    }

    /// <summary>Writes the spec; <paramref name="launcher"/> is the command line that starts the kernel, before its connection file.</summary>
    public static string Install(string dataDirectory, IReadOnlyList<string> launcher)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        var directory = Path.Combine(dataDirectory, "kernels", Name);
        Directory.CreateDirectory(directory);
        var argv = new JsonArray(launcher.Append("{connection_file}").Select(a => (JsonNode)a).ToArray());
        var spec = new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = DisplayName,
            ["language"] = "csharp",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        var path = Path.Combine(directory, "kernel.json");
        File.WriteAllText(path, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }
}
