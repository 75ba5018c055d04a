namespace JitLens.Compare;

/// <summary>
/// Which line of one source is which line of the other: the identity when both are the same text, else a longest
/// common subsequence of their lines (whitespace at either end ignored), so that code keeps its line across an edit
/// that inserts or removes lines above it. Within a hunk, removed and inserted lines are paired in order and marked
/// <see cref="AlignedLine.SourceChanged"/>: an edited line is compared with what it was.
/// </summary>
public sealed class LineAlignment
{
    private readonly Dictionary<int, int> _byLeft = [];
    private readonly Dictionary<int, int> _byRight = [];

    private LineAlignment(IReadOnlyList<AlignedLine> steps)
    {
        Steps = steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Left is { } l)
            {
                _byLeft[l] = i;
            }

            if (steps[i].Right is { } r)
            {
                _byRight[r] = i;
            }
        }
    }

    /// <summary>Every line of both sources, in reading order.</summary>
    public IReadOnlyList<AlignedLine> Steps { get; }

    /// <summary>The step that holds left line <paramref name="line"/>, or null when the line is beyond the source.</summary>
    public int? StepOfLeft(int line) => _byLeft.TryGetValue(line, out var step) ? step : null;

    /// <summary>The step that holds right line <paramref name="line"/>, or null when the line is beyond the source.</summary>
    public int? StepOfRight(int line) => _byRight.TryGetValue(line, out var step) ? step : null;

    public static LineAlignment Of(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = left.Select(l => l.Trim()).ToArray();
        var b = right.Select(l => l.Trim()).ToArray();

        // The common head and tail need no table; the subsequence table is built for the differing middle only.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }

        var steps = new List<AlignedLine>();
        for (var i = 0; i < head; i++)
        {
            steps.Add(new AlignedLine(i + 1, i + 1, false));
        }

        Middle(a, b, head, a.Length - tail, b.Length - tail, steps);
        for (var i = tail; i > 0; i--)
        {
            steps.Add(new AlignedLine(a.Length - i + 1, b.Length - i + 1, false));
        }

        return new LineAlignment(steps);
    }

    private static void Middle(string[] a, string[] b, int start, int aEnd, int bEnd, List<AlignedLine> steps)
    {
        var n = aEnd - start;
        var m = bEnd - start;

        // lengths[i, j]: the longest common subsequence of a[start + i..aEnd) and b[start + j..bEnd).
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = a[start + i] == b[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var removed = new List<int>();
        var inserted = new List<int>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                Hunk(removed, inserted, steps);
                steps.Add(new AlignedLine(start + x + 1, start + y + 1, false));
                x++;
                y++;
            }
            else if (y >= m || (x < n && lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                removed.Add(start + x + 1);
                x++;
            }
            else
            {
                inserted.Add(start + y + 1);
                y++;
            }
        }

        Hunk(removed, inserted, steps);
    }

    /// <summary>Closes a hunk: removed and inserted lines paired in order as edits, the surplus on its own side.</summary>
    private static void Hunk(List<int> removed, List<int> inserted, List<AlignedLine> steps)
    {
        var paired = Math.Min(removed.Count, inserted.Count);
        for (var i = 0; i < paired; i++)
        {
            steps.Add(new AlignedLine(removed[i], inserted[i], true));
        }

        steps.AddRange(removed.Skip(paired).Select(l => new AlignedLine(l, null, false)));
        steps.AddRange(inserted.Skip(paired).Select(l => new AlignedLine(null, l, false)));
        removed.Clear();
        inserted.Clear();
    }
}
