namespace JitLens.Compare;

/// <summary>One view of one line on both sides, and how the right side differs from the left.</summary>
public sealed record ViewDelta(string View, SideCode Left, SideCode Right)
{
    /// <summary>Right minus left instruction count: negative when the right side has fewer.</summary>
    public int CountDelta => Right.Count - Left.Count;

    /// <summary>Right minus left code size in bytes, when both are known.</summary>
    public int? BytesDelta => Left.Bytes is { } l && Right.Bytes is { } r ? r - l : null;

    /// <summary>Whether the two sides' instructions differ (in text, count or order).</summary>
    public bool Changed => !Left.Code.SequenceEqual(Right.Code, StringComparer.Ordinal);
}
