namespace JitLens.Gpu;

/// <summary>
/// Whether a path from debug info (PDB document, PTX .file, nvdisasm's //## File) names a source the user gave:
/// the same full path, or the same file name when either side is relative.
/// </summary>
public static class SourceFiles
{
    public static bool Same(string debugPath, string sourcePath)
    {
        if (string.Equals(Normalise(debugPath), Normalise(sourcePath), StringComparison.Ordinal))
        {
            return true;
        }

        return (!Path.IsPathRooted(debugPath) || !Path.IsPathRooted(sourcePath))
            && string.Equals(Path.GetFileName(debugPath), Path.GetFileName(sourcePath), StringComparison.Ordinal);
    }

    private static string Normalise(string path) => Path.IsPathRooted(path) ? Path.GetFullPath(path) : path.Replace('\\', '/');
}
