using System.Reflection;
using System.Reflection.Emit;

namespace JitLens.Gpu.Discovery;

/// <summary>Walks a method body's IL, yielding each opcode with its 4-byte token operand (0 when it has none).</summary>
internal static class IlInstructions
{
    private static readonly Dictionary<short, OpCode> ByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<(OpCode OpCode, int Token)> Read(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE && position < il.Length)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            if (!ByValue.TryGetValue(value, out var opCode))
            {
                yield break; // not IL we understand: stop rather than misread the rest
            }

            var token = opCode.OperandType is OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineField
                or OperandType.InlineType && position + 4 <= il.Length
                ? BitConverter.ToInt32(il, position)
                : 0;
            position += OperandSize(opCode.OperandType, il, position);
            yield return (opCode, token);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
