using JitLens.Model;

namespace JitLens.Numba;

/// <summary>
/// Where a Numba function sits in its file. Numba places argument set-up on the decorator or <c>def</c> line
/// (prolog); lines outside the function (code inlined from another function, line 0) are unmapped here.
/// </summary>
internal sealed record LineScope(int FirstLine, int DefLine, int LastLine)
{
    public (int? Line, CodeRegion Region) Classify(int? line) => line switch
    {
        null or <= 0 => (null, CodeRegion.Unmapped),
        var l when l >= FirstLine && l <= DefLine => (l, CodeRegion.Prolog),
        var l when l > DefLine && l <= LastLine => (l, CodeRegion.Body),
        _ => (null, CodeRegion.Unmapped),
    };

    public static LineScope Of(CapturedFunction function) => new(function.FirstLine, function.DefLine, function.LastLine);
}
