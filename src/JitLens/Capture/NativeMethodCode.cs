namespace JitLens.Capture;

/// <summary>The JIT's output for one method: hot (and optional cold) code bytes and its IL→native map.</summary>
internal sealed record NativeMethodCode(ulong HotStart, byte[] Hot, ulong ColdStart, byte[] Cold, IReadOnlyList<NativeMapEntry> Map)
{
    public int Size => Hot.Length + Cold.Length;

    /// <summary>The prolog's length in bytes from the unwind info, or null when unknown (the map's prolog range stands).</summary>
    public int? PrologSize { get; init; }

    /// <summary>Whether a map entry starts inside this code (a map of another body of the same method does not).</summary>
    public bool Contains(NativeMapEntry entry) =>
        (entry.Start >= HotStart && entry.Start < HotStart + (ulong)Hot.Length) || (entry.Start >= ColdStart && entry.Start < ColdStart + (ulong)Cold.Length);
}

/// <summary>
/// One range of the IL→native map. <see cref="IlOffset"/> is the IL offset, or one of the JIT's markers:
/// <see cref="NoMapping"/>, <see cref="Prolog"/>, <see cref="Epilog"/>.
/// </summary>
internal sealed record NativeMapEntry(int IlOffset, ulong Start, ulong End)
{
    public const int NoMapping = -1;
    public const int Prolog = -2;
    public const int Epilog = -3;
}
