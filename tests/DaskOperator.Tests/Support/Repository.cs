namespace DaskOperator.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The real helm/kubectl that scripts/setup.sh puts in .tools/bin (or on PATH).</summary>
    public static string? Tool(string name)
    {
        var local = Path(".tools", "bin", name);
        if (File.Exists(local))
        {
            return local;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => System.IO.Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ParallelTools.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The tests are not running inside the repository.");
    }
}
