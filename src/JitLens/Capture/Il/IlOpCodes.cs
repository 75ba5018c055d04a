using System.Reflection;
using System.Reflection.Emit;

namespace JitLens.Capture.Il;

/// <summary>The IL opcode table, taken from <see cref="OpCodes"/> so that it matches the runtime's exactly.</summary>
internal static class IlOpCodes
{
    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static IlOpCodes()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode code)
            {
                var value = (ushort)code.Value;
                if (code.Size == 1)
                {
                    OneByte[value] = code;
                }
                else
                {
                    TwoByte[value & 0xFF] = code;
                }
            }
        }
    }

    /// <summary>Reads the opcode at <paramref name="offset"/> and advances past it.</summary>
    public static OpCode Read(ReadOnlySpan<byte> il, ref int offset)
    {
        var first = il[offset++];
        if (first == 0xFE)
        {
            return TwoByte[il[offset++]];
        }

        return OneByte[first];
    }
}
