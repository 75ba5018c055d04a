namespace JitLens.Cli.Commands.Diff;

/// <summary>What a diff calls its sides: the files' names, and what each side's own options set when there are any.</summary>
internal static class DiffLabels
{
    public static (string Left, string Right) Of(IReadOnlyList<string> files, string? leftOptions, string? rightOptions)
    {
        var (left, right) = (Path.GetFileName(files[0]), Path.GetFileName(files[^1]));
        if (files.Count == 2 && left == right)
        {
            // Two versions of one file in two folders: the folders tell them apart.
            (left, right) = (files[0], files[^1]);
        }

        if (files.Count == 1)
        {
            return (leftOptions ?? left, rightOptions ?? right);
        }

        return (Join(left, leftOptions), Join(right, rightOptions));
    }

    private static string Join(string file, string? options) => options is null ? file : $"{file} ({options})";
}
