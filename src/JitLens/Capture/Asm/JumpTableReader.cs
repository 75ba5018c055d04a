using System.Buffers.Binary;
using Iced.Intel;

namespace JitLens.Capture.Asm;

/// <summary>
/// Finds the targets of the JIT's x64 jump tables by reading the tables themselves from the host's memory. The JIT
/// (.NET 10, every tier) lowers a dense switch to
/// <code>
/// cmp   idx, N-1            ; or cmp dword ptr [rbp-X], N-1 at Tier0
/// ja    default
/// mov   eax, idx
/// lea   rcx, [rip+table]    ; read-only data after the code: N 4-byte entries
/// mov   ecx, dword ptr [rcx+4*rax]
/// lea   rdx, [rip+base]     ; a code address inside the method (the first block after the prolog)
/// add   rcx, rdx
/// jmp   rcx
/// </code>
/// Each entry is an offset from the base loaded by the second <c>lea</c>. The bounds check gives the entry count: the
/// table's end is not recorded anywhere else, and the data after it (another table, padding, constants) can look like
/// valid offsets.
/// </summary>
internal static class JumpTableReader
{
    /// <summary>How far back from the jmp the table's loads and its bounds check may sit.</summary>
    private const int Window = 16;

    /// <summary>More entries than this is not a switch the JIT would build; refuse rather than read megabytes.</summary>
    private const int MaxEntries = 1 << 16;

    /// <summary>
    /// The addresses each indirect jmp in <paramref name="code"/> may go to, in table order (entry 0 first), keyed by
    /// the jmp's index. A jmp is left out unless its table was read and every entry lands on an instruction start.
    /// </summary>
    public static Dictionary<int, IReadOnlyList<ulong>> Read(IReadOnlyList<Instruction> code, INativeSymbols memory)
    {
        var starts = code.Select(i => i.IP).ToHashSet();
        var tables = new Dictionary<int, IReadOnlyList<ulong>>();
        for (var j = 0; j < code.Count; j++)
        {
            if (code[j].FlowControl == FlowControl.IndirectBranch && code[j].Op0Kind == OpKind.Register
                && Targets(code, j, starts, memory) is { } targets)
            {
                tables[j] = targets;
            }
        }

        return tables;
    }

    private static List<ulong>? Targets(IReadOnlyList<Instruction> code, int jmp, HashSet<ulong> starts, INativeSymbols memory)
    {
        var target = code[jmp].Op0Register.GetFullRegister();
        var first = Math.Max(0, jmp - Window);

        // add target, other (either register may hold the entry, the other the base).
        var add = Previous(code, jmp, first, i => i.Mnemonic == Mnemonic.Add && i.Op0Kind == OpKind.Register && i.Op1Kind == OpKind.Register
            && i.Op0Register.GetFullRegister() == target);
        if (add is not { } a)
        {
            return null;
        }

        var other = code[a].Op1Register.GetFullRegister();
        if ((Load(code, a, first, target, other) ?? Load(code, a, first, other, target)) is not { } loads)
        {
            return null;
        }

        var (entryLoad, baseAddress) = loads;

        var tableLea = Previous(code, entryLoad, first, i => IsRipLea(i) && i.Op0Register.GetFullRegister() == code[entryLoad].MemoryBase.GetFullRegister());
        if (tableLea is not { } t || EntryCount(code, entryLoad, first) is not { } count)
        {
            return null;
        }

        var bytes = new byte[count * 4];
        if (!memory.TryReadMemory(code[t].IPRelativeMemoryAddress, bytes))
        {
            return null;
        }

        var signed = code[entryLoad].Mnemonic == Mnemonic.Movsxd;
        var targets = new List<ulong>(count);
        for (var e = 0; e < count; e++)
        {
            var raw = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(e * 4));
            var address = signed ? baseAddress + (ulong)(long)(int)raw : baseAddress + raw;
            if (!starts.Contains(address))
            {
                return null;
            }

            targets.Add(address);
        }

        return targets;
    }

    /// <summary>
    /// The load of a table entry into <paramref name="entry"/> (<c>mov entry32, dword ptr [t+4*i]</c>) and the code
    /// address loaded into <paramref name="baseRegister"/> (<c>lea base, [rip+X]</c>), both before <paramref name="add"/>.
    /// </summary>
    private static (int EntryLoad, ulong Base)? Load(IReadOnlyList<Instruction> code, int add, int first, Register entry, Register baseRegister)
    {
        var entryLoad = Previous(code, add, first, i => i.Mnemonic is Mnemonic.Mov or Mnemonic.Movsxd && i.Op0Kind == OpKind.Register
            && i.Op0Register.GetFullRegister() == entry && i.Op1Kind == OpKind.Memory && i.MemorySize is MemorySize.UInt32 or MemorySize.Int32
            && i.MemoryIndexScale == 4 && i.MemoryDisplacement64 == 0 && i.MemoryBase != Register.None && i.MemoryIndex != Register.None);
        var baseLea = Previous(code, add, first, i => IsRipLea(i) && i.Op0Register.GetFullRegister() == baseRegister);
        return entryLoad is { } e && baseLea is { } b ? (e, code[b].IPRelativeMemoryAddress) : null;
    }

    /// <summary>
    /// The number of entries, from the bounds check that guards the load: the nearest <c>cmp x, imm</c> followed by
    /// <c>ja</c> (imm + 1 entries) or <c>jae</c> (imm entries), where x is the index or what the index was copied from.
    /// </summary>
    private static int? EntryCount(IReadOnlyList<Instruction> code, int entryLoad, int first)
    {
        var index = code[entryLoad].MemoryIndex.GetFullRegister();
        Instruction? copiedFrom = null;
        for (var i = entryLoad - 1; i > first; i--)
        {
            var instruction = code[i];
            if (instruction.Mnemonic == Mnemonic.Mov && instruction.Op0Kind == OpKind.Register && instruction.Op0Register.GetFullRegister() == index && copiedFrom is null)
            {
                copiedFrom = instruction;
                continue;
            }

            if (instruction.FlowControl == FlowControl.ConditionalBranch)
            {
                var compare = code[i - 1];
                var bound = instruction.Mnemonic switch
                {
                    Mnemonic.Ja => 1L,
                    Mnemonic.Jae => 0L,
                    _ => (long?)null,
                };
                if (bound is not { } extra || compare.Mnemonic != Mnemonic.Cmp || !IsImmediate(compare.Op1Kind)
                    || !(ComparesRegister(compare, index) || (copiedFrom is { } copy && SameSource(compare, copy))))
                {
                    return null;
                }

                var count = (long)compare.GetImmediate(1) + extra;
                return count is > 0 and <= MaxEntries ? (int)count : null;
            }

            if (instruction.FlowControl != FlowControl.Next)
            {
                return null;
            }
        }

        return null;
    }

    private static bool ComparesRegister(in Instruction compare, Register register) =>
        compare.Op0Kind == OpKind.Register && compare.Op0Register.GetFullRegister() == register;

    /// <summary>Whether the cmp's first operand is the mov's source: the same register, or the same stack slot.</summary>
    private static bool SameSource(in Instruction compare, in Instruction copy) =>
        (compare.Op0Kind, copy.Op1Kind) switch
        {
            (OpKind.Register, OpKind.Register) => compare.Op0Register.GetFullRegister() == copy.Op1Register.GetFullRegister(),
            (OpKind.Memory, OpKind.Memory) => compare.MemoryBase == copy.MemoryBase && compare.MemoryIndex == copy.MemoryIndex
                && compare.MemoryIndexScale == copy.MemoryIndexScale && compare.MemoryDisplacement64 == copy.MemoryDisplacement64,
            _ => false,
        };

    private static bool IsImmediate(OpKind kind) =>
        kind is OpKind.Immediate8 or OpKind.Immediate8to32 or OpKind.Immediate8to64 or OpKind.Immediate32 or OpKind.Immediate32to64 or OpKind.Immediate16 or OpKind.Immediate8to16;

    private static bool IsRipLea(in Instruction instruction) =>
        instruction.Mnemonic == Mnemonic.Lea && instruction.IsIPRelativeMemoryOperand && instruction.Op0Kind == OpKind.Register;

    /// <summary>The nearest instruction before <paramref name="before"/> (not before <paramref name="first"/>) that matches.</summary>
    private static int? Previous(IReadOnlyList<Instruction> code, int before, int first, Func<Instruction, bool> match)
    {
        for (var i = before - 1; i >= first; i--)
        {
            if (match(code[i]))
            {
                return i;
            }
        }

        return null;
    }
}
