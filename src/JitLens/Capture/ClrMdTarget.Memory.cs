namespace JitLens.Capture;

internal sealed partial class ClrMdTarget
{
    /// <summary>Reads the host's memory (a jump table in a method's read-only data); false unless all of it was read.</summary>
    public bool TryReadMemory(ulong address, Span<byte> destination) => _target.DataReader.Read(address, destination) == destination.Length;
}
