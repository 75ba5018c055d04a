namespace JitLens.Gpu.LineInfo;

/// <summary>One place in the source that line info names: a file and a 1-based line (0: no line).</summary>
public readonly record struct SourceFrame(string File, int Line);
