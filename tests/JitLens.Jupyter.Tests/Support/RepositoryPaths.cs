namespace JitLens.Jupyter.Tests.Support;

/// <summary>Where test artefacts go: <c>artifacts/</c> at the repository root, kept after the run.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Artifacts(string folder)
    {
        var path = Path.Combine(Root, "artifacts", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParallelTools.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ParallelTools.sln) is not above the test output.");
    }
}
