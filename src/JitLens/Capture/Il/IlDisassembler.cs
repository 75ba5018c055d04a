using System.Buffers.Binary;
using System.Globalization;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using JitLens.Model;

namespace JitLens.Capture.Il;

/// <summary>Decodes a method body's IL into <c>IL_0006: ldloc.0</c> lines with operands resolved to names and strings.</summary>
internal sealed class IlDisassembler
{
    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly IlNames _names;

    public IlDisassembler(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _names = new IlNames(_reader);
    }

    public string MethodName(int token) => _names.Method(MetadataTokens.MethodDefinitionHandle(token & 0xFFFFFF));

    public IReadOnlyList<IlInstruction> Disassemble(int methodToken)
    {
        var method = _reader.GetMethodDefinition(MetadataTokens.MethodDefinitionHandle(methodToken & 0xFFFFFF));
        if (method.RelativeVirtualAddress == 0)
        {
            return [];
        }

        var il = _pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
        _names.Outer = _names.ContextOf(MetadataTokens.MethodDefinitionHandle(methodToken & 0xFFFFFF));
        var result = new List<IlInstruction>();
        var offset = 0;
        while (offset < il.Length)
        {
            var start = offset;
            var code = IlOpCodes.Read(il, ref offset);
            var (operand, targets) = Operand(code, il, ref offset);
            var text = operand.Length == 0 ? $"IL_{start:x4}: {code.Name}" : $"IL_{start:x4}: {code.Name} {operand}";
            var call = code == OpCodes.Call || code == OpCodes.Callvirt
                ? new IlCall(operand, code == OpCodes.Callvirt, DefinitionOf(BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(offset - 4))))
                : null;
            result.Add(new IlInstruction(start, text, Flow(code), targets, call));
        }

        return result;
    }

    /// <summary>The MethodDef a call token names (itself, or the generic method a MethodSpec instantiates), else 0.</summary>
    private int DefinitionOf(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind == HandleKind.MethodSpecification)
        {
            handle = _reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method;
        }

        return handle.Kind == HandleKind.MethodDefinition ? MetadataTokens.GetToken(handle) : 0;
    }

    private static ControlFlowKind Flow(OpCode code) => code.FlowControl switch
    {
        FlowControl.Branch => ControlFlowKind.Branch,
        FlowControl.Cond_Branch => ControlFlowKind.ConditionalBranch,
        FlowControl.Return or FlowControl.Throw => ControlFlowKind.Return,
        _ => ControlFlowKind.Next,
    };

    private (string Text, IReadOnlyList<int> Targets) Operand(OpCode code, byte[] il, ref int offset)
    {
        var span = il.AsSpan();
        switch (code.OperandType)
        {
            case OperandType.InlineNone:
                return (string.Empty, []);
            case OperandType.ShortInlineBrTarget:
            {
                var target = offset + 1 + (sbyte)il[offset];
                offset += 1;
                return ($"IL_{target:x4}", [target]);
            }

            case OperandType.InlineBrTarget:
            {
                var target = offset + 4 + BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
                offset += 4;
                return ($"IL_{target:x4}", [target]);
            }

            case OperandType.InlineSwitch:
            {
                var count = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
                var baseOffset = offset + 4 + (4 * count);
                var targets = new List<int>(count);
                for (var i = 0; i < count; i++)
                {
                    targets.Add(baseOffset + BinaryPrimitives.ReadInt32LittleEndian(span[(offset + 4 + (4 * i))..]));
                }

                offset = baseOffset;
                return ("(" + string.Join(", ", targets.Select(t => $"IL_{t:x4}")) + ")", targets);
            }

            case OperandType.ShortInlineI:
            case OperandType.ShortInlineVar:
            {
                int value = code == OpCodes.Ldc_I4_S ? (sbyte)il[offset] : il[offset];
                offset += 1;
                return (value.ToString(CultureInfo.InvariantCulture), []);
            }

            case OperandType.InlineVar:
            {
                var value = BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]);
                offset += 2;
                return (value.ToString(CultureInfo.InvariantCulture), []);
            }

            case OperandType.InlineI:
            {
                var value = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
                offset += 4;
                return (value.ToString(CultureInfo.InvariantCulture), []);
            }

            case OperandType.InlineI8:
            {
                var value = BinaryPrimitives.ReadInt64LittleEndian(span[offset..]);
                offset += 8;
                return (value.ToString(CultureInfo.InvariantCulture), []);
            }

            case OperandType.ShortInlineR:
            {
                var value = BinaryPrimitives.ReadSingleLittleEndian(span[offset..]);
                offset += 4;
                return (value.ToString("R", CultureInfo.InvariantCulture), []);
            }

            case OperandType.InlineR:
            {
                var value = BinaryPrimitives.ReadDoubleLittleEndian(span[offset..]);
                offset += 8;
                return (value.ToString("R", CultureInfo.InvariantCulture), []);
            }

            case OperandType.InlineString:
            {
                var token = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
                offset += 4;
                return (_names.UserString(token), []);
            }

            case OperandType.InlineSig:
            {
                var token = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
                offset += 4;
                return ($"signature 0x{token:x8}", []);
            }

            default:
            {
                // InlineMethod, InlineField, InlineType, InlineTok: a metadata token.
                var token = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
                offset += 4;
                return (_names.Token(token), []);
            }
        }
    }
}
