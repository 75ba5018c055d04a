using JitLens.Gpu;
using JitLens.Gpu.LineInfo;
using JitLens.Model;

namespace JitLens.Numba;

/// <summary>
/// Where a Numba function sits in its file. Numba places argument set-up on the decorator or <c>def</c> line
/// (prolog); a line of the file outside the function is code inlined from another function there, shown at its line;
/// no line (or line 0) is unmapped. The listings only pass lines of the user's file.
/// </summary>
internal sealed record LineScope(int FirstLine, int DefLine, int LastLine)
{
    public (int? Line, CodeRegion Region) Classify(int? line) => line switch
    {
        null or <= 0 => (null, CodeRegion.Unmapped),
        var l when l >= FirstLine && l <= DefLine => (l, CodeRegion.Prolog),
        var l => (l, CodeRegion.Body),
    };

    /// <summary>What the GPU listings' line info is read against: <paramref name="file"/>, this function's lines in it.</summary>
    public ListingSource In(string file) => new(debugFile => SourceFiles.Same(debugFile, file), line => Classify(line).Region);

    public static LineScope Of(CapturedFunction function) => new(function.FirstLine, function.DefLine, function.LastLine);
}
