using System.Diagnostics;

namespace DaskOperator.Bench;

/// <summary>
/// The operator executable exactly as the image ships it: $DASK_OPERATOR_EXECUTABLE when set (scripts/test.sh
/// exports it), else published here once by scripts/publish-operator.sh, the one place its settings live.
/// </summary>
internal static class PublishedOperator
{
    public static async Task<string> PathAsync()
    {
        if (Environment.GetEnvironmentVariable("DASK_OPERATOR_EXECUTABLE") is { Length: > 0 } given)
        {
            return given;
        }

        var root = RepositoryRoot();
        var info = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("scripts/publish-operator.sh");
        info.ArgumentList.Add(Path.Combine(root, "artifacts", "bench-operator"));
        using var publish = Process.Start(info)!;
        var output = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/publish-operator.sh failed (exit code {publish.ExitCode}).");
        }

        return output.Trim().Split('\n')[^1];
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "scripts", "publish-operator.sh")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("scripts/publish-operator.sh not found above the benchmark.");
    }
}
