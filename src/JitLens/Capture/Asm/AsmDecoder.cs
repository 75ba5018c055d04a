using System.Globalization;
using Iced.Intel;
using JitLens.Model;

namespace JitLens.Capture.Asm;

/// <summary>
/// Decodes a method's hot and cold code with Iced in Intel syntax, in the spelling the runtime's own
/// <c>DOTNET_JitDisasm</c> uses (<c>dword ptr [rdi+4*rcx+0x10]</c>), labels branch targets and sets each
/// instruction's control flow so that a CFG can be built from the listing.
/// </summary>
internal static class AsmDecoder
{
    public static IReadOnlyList<AsmInstruction> Decode(NativeMethodCode code, INativeSymbols symbols)
    {
        var decoded = DecodeRegion(code.Hot, code.HotStart)
            .Concat(DecodeRegion(code.Cold, code.ColdStart))
            .ToList();
        long OffsetOf(ulong address) =>
            address >= code.HotStart && address < code.HotStart + (ulong)code.Hot.Length
                ? (long)(address - code.HotStart)
                : code.Hot.Length + (long)(address - code.ColdStart);
        bool Inside(ulong address) =>
            (address >= code.HotStart && address < code.HotStart + (ulong)code.Hot.Length)
            || (code.Cold.Length > 0 && address >= code.ColdStart && address < code.ColdStart + (ulong)code.Cold.Length);

        // Branch targets, the entries of jump tables, and code addresses taken with lea (a jump table's base) get labels.
        var tables = JumpTableReader.Read(decoded, symbols);
        var labels = decoded
            .Where(i => i.FlowControl is FlowControl.ConditionalBranch or FlowControl.UnconditionalBranch && IsNearBranch(i) && Inside(i.NearBranchTarget))
            .Select(i => i.NearBranchTarget)
            .Concat(tables.Values.SelectMany(t => t))
            .Concat(decoded.Where(i => i.Mnemonic == Mnemonic.Lea && i.IsIPRelativeMemoryOperand && Inside(i.IPRelativeMemoryAddress)).Select(i => i.IPRelativeMemoryAddress))
            .Distinct()
            .ToDictionary(a => a, a => "L" + OffsetOf(a).ToString("x4", CultureInfo.InvariantCulture));

        var formatter = new IntelFormatter(new AsmSymbolResolver(labels, symbols));
        Configure(formatter.Options);
        var output = new StringOutput();
        var result = new List<AsmInstruction>(decoded.Count);
        for (var index = 0; index < decoded.Count; index++)
        {
            var instruction = decoded[index];
            formatter.Format(instruction, output);
            var text = output.ToStringAndReset();
            var switchTargets = tables.TryGetValue(index, out var table) ? table.Select(a => labels[a]).ToList() : [];
            if ((switchTargets.Count > 0 ? JumpTableComment(switchTargets) : Comment(instruction, symbols) ?? RegisterTarget(decoded, index, symbols)) is { } comment)
            {
                text += "  ; " + comment;
            }

            var target = IsNearBranch(instruction) && labels.TryGetValue(instruction.NearBranchTarget, out var t) ? t : null;
            result.Add(new AsmInstruction(
                instruction.IP,
                OffsetOf(instruction.IP),
                text,
                Flow(instruction, target, symbols),
                labels.GetValueOrDefault(instruction.IP),
                target,
                switchTargets,
                BytesOf(code, instruction)));
        }

        return result;
    }

    /// <summary>The bytes the decoder read for <paramref name="instruction"/>, from the hot or the cold code it lies in.</summary>
    private static byte[] BytesOf(NativeMethodCode code, in Instruction instruction)
    {
        var hot = instruction.IP >= code.HotStart && instruction.IP < code.HotStart + (ulong)code.Hot.Length;
        var (bytes, start) = hot ? (code.Hot, code.HotStart) : (code.Cold, code.ColdStart);
        var offset = (int)(instruction.IP - start);
        return bytes.AsSpan(offset, Math.Min(instruction.Length, bytes.Length - offset)).ToArray();
    }

    private static List<Instruction> DecodeRegion(byte[] bytes, ulong start)
    {
        var list = new List<Instruction>();
        if (bytes.Length == 0)
        {
            return list;
        }

        var decoder = Decoder.Create(64, new ByteArrayCodeReader(bytes), start);
        var end = start + (ulong)bytes.Length;
        while (decoder.IP < end)
        {
            decoder.Decode(out var instruction);
            list.Add(instruction);
        }

        return list;
    }

    private static void Configure(FormatterOptions options)
    {
        options.HexPrefix = "0x";
        options.HexSuffix = null;
        options.UppercaseHex = false;
        options.ScaleBeforeIndex = true;
        options.SpaceAfterOperandSeparator = true;
        options.MemorySizeOptions = MemorySizeOptions.Always;
        options.RipRelativeAddresses = false;
        options.ShowBranchSize = false;
        options.SignedImmediateOperands = true;
        options.BranchLeadingZeros = false;
        options.DisplacementLeadingZeros = false;
        options.LeadingZeros = false;
        options.FirstOperandCharIndex = 0;
    }

    private static bool IsNearBranch(in Instruction instruction) =>
        instruction.Op0Kind is OpKind.NearBranch16 or OpKind.NearBranch32 or OpKind.NearBranch64;

    private static ControlFlowKind Flow(in Instruction instruction, string? target, INativeSymbols symbols) => instruction.FlowControl switch
    {
        FlowControl.ConditionalBranch => ControlFlowKind.ConditionalBranch,

        // A jmp out of the method is a tail call: control does not come back.
        FlowControl.UnconditionalBranch => target is null ? ControlFlowKind.Return : ControlFlowKind.Branch,
        FlowControl.IndirectBranch => ControlFlowKind.Branch,
        FlowControl.Return or FlowControl.Interrupt or FlowControl.Exception => ControlFlowKind.Return,
        FlowControl.Call when NeverReturns(symbols.CodeName(instruction.NearBranchTarget)) => ControlFlowKind.Return,
        _ => ControlFlowKind.Next,
    };

    /// <summary>Throw helpers end a block: the JIT knows they never return and puts nothing useful after them.</summary>
    private static bool NeverReturns(string? callee) =>
        callee is not null
        && (callee.Contains("THROW", StringComparison.Ordinal)
            || callee.EndsWith("RNGCHKFAIL", StringComparison.Ordinal)
            || callee.EndsWith("OVERFLOW", StringComparison.Ordinal)
            || callee.EndsWith("FAIL_FAST", StringComparison.Ordinal)
            || callee.StartsWith("System.ThrowHelper.Throw", StringComparison.Ordinal));

    /// <summary>The table's entries in order, a run of equal entries (the cases a switch leaves to its default) written once with its count.</summary>
    private static string JumpTableComment(List<string> targets)
    {
        var parts = new List<string>();
        for (var i = 0; i < targets.Count;)
        {
            var run = 1;
            while (i + run < targets.Count && targets[i + run] == targets[i])
            {
                run++;
            }

            parts.Add(run == 1 ? targets[i] : $"{targets[i]} x{run}");
            i += run;
        }

        return "jump table: " + string.Join(", ", parts);
    }

    /// <summary>
    /// For a call or jmp through a register: the code the register was loaded with, when the nearest instruction before
    /// that writes it is a <c>mov reg, imm64</c> (a devirtualized delegate's target, a method not compiled yet).
    /// </summary>
    private static string? RegisterTarget(List<Instruction> decoded, int index, INativeSymbols symbols)
    {
        var call = decoded[index];
        if (call.FlowControl is not (FlowControl.IndirectCall or FlowControl.IndirectBranch) || call.Op0Kind != OpKind.Register)
        {
            return null;
        }

        var register = call.Op0Register.GetFullRegister();
        for (var i = index - 1; i >= 0 && i >= index - 16; i--)
        {
            // A call or branch in between: the register may hold anything by now.
            var previous = decoded[i];
            if (previous.FlowControl != FlowControl.Next)
            {
                return null;
            }

            if (previous.Op0Kind == OpKind.Register && previous.Op0Register.GetFullRegister() == register)
            {
                return previous.Mnemonic == Mnemonic.Mov && previous.Op1Kind is OpKind.Immediate64 ? symbols.CodeName(previous.Immediate64) : null;
            }
        }

        return null;
    }

    /// <summary>String literals and types the instruction loads, as the runtime's disassembler comments them.</summary>
    private static string? Comment(in Instruction instruction, INativeSymbols symbols)
    {
        for (var i = 0; i < instruction.OpCount; i++)
        {
            var kind = instruction.GetOpKind(i);
            if (kind is OpKind.Immediate64 or OpKind.Immediate32to64 or OpKind.Immediate32)
            {
                if (symbols.Constant(instruction.GetImmediate(i)) is { } constant)
                {
                    return constant;
                }
            }
            else if (kind == OpKind.Memory && instruction.IsIPRelativeMemoryOperand
                && instruction.FlowControl is not (FlowControl.IndirectCall or FlowControl.IndirectBranch)
                && symbols.TryReadPointer(instruction.IPRelativeMemoryAddress, out var pointer)
                && symbols.Constant(pointer) is { } loaded)
            {
                return loaded;
            }
        }

        return null;
    }
}
