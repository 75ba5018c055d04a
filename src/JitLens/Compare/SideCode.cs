namespace JitLens.Compare;

/// <summary>What one side shows for one line (or one whole unit) in one view.</summary>
/// <param name="Count">Instructions.</param>
/// <param name="Bytes">Their code size in bytes, when every one of them has a known size (null otherwise).</param>
/// <param name="Code">The instructions' text, in emission order.</param>
public sealed record SideCode(int Count, int? Bytes, IReadOnlyList<string> Code)
{
    public static SideCode None { get; } = new(0, 0, []);

    /// <summary>Bytes where known, else the instruction count: the size a reader compares.</summary>
    public int Size => Bytes ?? Count;
}
