using JitLens.Model;

namespace JitLens.Gpu.LineInfo;

/// <summary>Where code sits in the user's file, read from the frames of its line info.</summary>
/// <param name="Line">The line it is shown at; null outside the user's lines.</param>
/// <param name="InlinedAt">For code inlined from another function of the file: the line that called it.</param>
internal readonly record struct SourcePlace(int? Line, int? InlinedAt, CodeRegion Region)
{
    /// <summary>Code before a function's first line info: its parameter loads and set-up.</summary>
    public static SourcePlace Prolog => new(null, null, CodeRegion.Prolog);

    /// <summary>
    /// The place of code whose line info names <paramref name="frames"/>, innermost (the inlined callee) first and the
    /// call site last: the innermost frame in the user's file (code a library inlined stays with the user's line that
    /// asked for it), and, when that frame was inlined into another line of the file, the line of that call.
    /// </summary>
    public static SourcePlace Of(IReadOnlyList<SourceFrame> frames, ListingSource source)
    {
        var chosen = -1;
        for (var i = 0; i < frames.Count && chosen < 0; i++)
        {
            chosen = frames[i].Line > 0 && source.Contains(frames[i].File) ? i : -1;
        }

        if (chosen < 0)
        {
            return new SourcePlace(null, null, CodeRegion.Unmapped);
        }

        var line = frames[chosen].Line;
        var caller = frames[^1];
        var inlinedAt = chosen < frames.Count - 1 && caller.Line > 0 && caller.Line != line && source.Contains(caller.File) ? caller.Line : (int?)null;
        return new SourcePlace(line, inlinedAt, source.RegionOf(line));
    }
}
