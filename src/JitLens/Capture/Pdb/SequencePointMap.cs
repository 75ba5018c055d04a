using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace JitLens.Capture.Pdb;

/// <summary>A method's sequence points: which source line an IL offset belongs to.</summary>
internal sealed class SequencePointMap
{
    private readonly (int Offset, int Line, bool Hidden)[] _points;

    public SequencePointMap(IEnumerable<(int Offset, int Line, bool Hidden)> points, string? document)
    {
        _points = points.OrderBy(p => p.Offset).ToArray();
        Document = document;
    }

    private IReadOnlyList<(int Start, int End, int Line)> _dispatch = [];

    /// <summary>The source file the method's visible sequence points are in, or null when it has none.</summary>
    public string? Document { get; }

    public bool HasLines => _points.Any(p => !p.Hidden);

    public (int First, int Last)? LineRange =>
        HasLines ? (_points.Where(p => !p.Hidden).Min(p => p.Line), _points.Where(p => !p.Hidden).Max(p => p.Line)) : null;

    /// <summary>
    /// The line of the nearest sequence point at or before <paramref name="ilOffset"/> (switch expressions and LINQ
    /// leave IL offsets between points), or null before the first point and under hidden ones.
    /// </summary>
    public int? LineOf(int ilOffset)
    {
        var index = Array.FindLastIndex(_points, p => p.Offset <= ilOffset);
        return index < 0 || _points[index].Hidden ? null : _points[index].Line;
    }

    /// <summary>
    /// The line the method's code starts on: that of IL offset 0, else (hidden there: a state machine's or a switch's
    /// dispatch) the first visible sequence point's; null without any.
    /// </summary>
    public int? EntryLine => LineOf(0) ?? (HasLines ? _points.First(p => !p.Hidden).Line : null);

    /// <summary>The IL ranges under hidden sequence points, each with the line of the next visible point after it (null: none).</summary>
    public IEnumerable<(int Start, int End, int? NextLine)> HiddenRanges()
    {
        for (var i = 0; i < _points.Length; i++)
        {
            if (!_points[i].Hidden)
            {
                continue;
            }

            var end = i + 1 < _points.Length ? _points[i + 1].Offset : int.MaxValue;
            var next = _points.Skip(i + 1).FirstOrDefault(p => !p.Hidden);
            yield return (_points[i].Offset, end, next == default ? null : next.Line);
        }
    }

    /// <summary>The same map, with hidden IL ranges known to be a <c>switch</c>'s dispatch and the line of that <c>switch</c>.</summary>
    public SequencePointMap WithDispatch(IReadOnlyList<(int Start, int End, int Line)> dispatch) =>
        new(_points, Document) { _dispatch = dispatch };

    /// <summary>The <c>switch</c> line whose compiler-generated dispatch holds <paramref name="ilOffset"/>, or null.</summary>
    public int? DispatchLineOf(int ilOffset) =>
        _dispatch.FirstOrDefault(d => d.Start <= ilOffset && ilOffset < d.End) is { Line: > 0 } found ? found.Line : null;

    /// <summary>Every IL offset on one line: an async or iterator kick-off method, shown on its state machine's first line.</summary>
    public static SequencePointMap SingleLine(int line, string? document) => new([(0, line, false)], document);

    public static SequencePointMap Read(MetadataReader pdb, int methodToken)
    {
        var handle = MetadataTokens.MethodDebugInformationHandle(methodToken & 0xFFFFFF);
        var info = pdb.GetMethodDebugInformation(handle);
        var points = new List<(int, int, bool)>();
        string? document = null;
        foreach (var point in info.GetSequencePoints())
        {
            points.Add((point.Offset, point.StartLine, point.IsHidden));
            if (!point.IsHidden && document is null)
            {
                document = pdb.GetString(pdb.GetDocument(point.Document).Name);
            }
        }

        return new SequencePointMap(points, document);
    }
}
