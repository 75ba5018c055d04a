namespace JitLens.Capture;

internal sealed partial class ClrMdTarget
{
    // The runtime's RealCodeHeader (codeman.h, release builds): debug info, EH info, GC info, MethodDesc, then the number of
    // unwind infos and the RUNTIME_FUNCTIONs themselves ({begin, end, unwind data}, RVAs from the code heap's base).
    private const int MethodDescField = 3 * 8;
    private const int UnwindCountField = MethodDescField + 8;
    private const int FirstRuntimeFunction = UnwindCountField + 4;

    /// <summary>
    /// How many bytes of the code starting at <paramref name="codeStart"/> are its prolog, as its unwind info (the x64
    /// UNWIND_INFO's SizeOfProlog) says; null when the code header does not read as expected (it names another method).
    /// The JIT's IL→native map calls everything up to its first IL offset "prolog", which can be far more.
    /// </summary>
    private int? PrologSize(ulong codeStart, ulong methodDesc, int codeSize)
    {
        // The code is preceded by a pointer to its RealCodeHeader.
        if (!TryReadPointer(codeStart - 8, out var header) || header == 0
            || !TryReadPointer(header + MethodDescField, out var owner) || owner != methodDesc)
        {
            return null;
        }

        Span<byte> function = stackalloc byte[16];
        if (!TryReadMemory(header + UnwindCountField, function))
        {
            return null;
        }

        var count = BitConverter.ToUInt32(function[..4]);
        var begin = BitConverter.ToUInt32(function[4..8]);
        var unwindData = BitConverter.ToUInt32(function[12..16]);
        if (count == 0 || begin > codeStart)
        {
            return null;
        }

        // The first function is the hot code's start: that fixes the base its RVAs are counted from.
        Span<byte> unwind = stackalloc byte[2];
        if (!TryReadMemory(codeStart - begin + unwindData, unwind) || (unwind[0] & 0x7) is not (1 or 2) || unwind[1] > codeSize)
        {
            return null;
        }

        return unwind[1];
    }
}
