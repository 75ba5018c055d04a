namespace JitLens.Compare;

/// <summary>
/// One step of the alignment of two sources: a line of each (the same text, or an edited line paired with the line it
/// replaced), or a line only one side has (inserted or removed). Line numbers are 1-based.
/// </summary>
public sealed record AlignedLine(int? Left, int? Right, bool SourceChanged);
