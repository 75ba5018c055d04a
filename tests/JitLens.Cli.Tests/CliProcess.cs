using System.Diagnostics;

namespace JitLens.Cli.Tests;

/// <summary>Runs the real <c>jitlens</c> (the built JitLens.Cli.dll) as a user would, with redirected output.</summary>
internal static class CliProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sample => Path.Combine(RepositoryRoot, "samples", "Sample.cs");

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        RunAsync(new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll") } }, args);

    /// <summary>Runs an installed <c>jitlens</c> command (e.g. the native tool package) instead of the build.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunInstalledAsync(string command, params string[] args) =>
        RunAsync(new ProcessStartInfo(command), args);

    /// <summary>
    /// Runs the built <c>jitlens</c> on a real pseudo-terminal (util-linux <c>script</c>), as from a user's shell, with
    /// <paramref name="environment"/> added; its output and error come back together, as a terminal shows them.
    /// </summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunInTerminalAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll") }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script") { ArgumentList = { "--quiet", "--return", "--command", command, "/dev/null" } };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return RunAsync(start, []);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The user's default limit (30 s) is for a quiet machine; a loaded 2-core CI runner can take longer to
        // start Numba or the JIT host, and these tests are about output, not about the limit.
        if (args is ["inspect", ..] && !args.Contains("--timeout"))
        {
            start.ArgumentList.Add("--timeout");
            start.ArgumentList.Add("150");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ParallelTools.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ParallelTools.sln) is not above the test output.");
    }
}
