using JitLens.Model;

namespace JitLens.Gpu.LineInfo;

/// <summary>
/// What a GPU listing's line info (PTX <c>.loc</c>, nvdisasm's <c>//## File</c>) is read against: which files are the
/// user's, and how a line of them is shown. ILGPU shows every line of the kernel's file as body; Numba shows a
/// function's decorator and <c>def</c> lines as its prolog.
/// </summary>
public sealed class ListingSource
{
    private readonly Func<string, bool> _isSourceFile;
    private readonly Func<int, CodeRegion>? _regionOf;

    public ListingSource(Func<string, bool> isSourceFile, Func<int, CodeRegion>? regionOf = null)
    {
        _isSourceFile = isSourceFile;
        _regionOf = regionOf;
    }

    /// <summary>Whether <paramref name="file"/>, as the debug info names it, is the user's file.</summary>
    public bool Contains(string file) => _isSourceFile(file);

    /// <summary>The region code at <paramref name="line"/> (1-based, of the user's file) is shown in.</summary>
    public CodeRegion RegionOf(int line) => _regionOf?.Invoke(line) ?? CodeRegion.Body;
}
