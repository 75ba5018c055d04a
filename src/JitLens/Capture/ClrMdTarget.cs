using Microsoft.Diagnostics.Runtime;

namespace JitLens.Capture;

/// <summary>
/// ClrMD attached to the JIT host: reads the code the JIT produced, its IL→native map, and names for
/// the addresses that code refers to. The host is idle (waiting on stdin) while we read.
/// </summary>
internal sealed partial class ClrMdTarget : INativeSymbols, IDisposable
{
    private readonly DataTarget _target;
    private readonly ClrRuntime _runtime;

    private ClrMdTarget(DataTarget target, ClrRuntime runtime)
    {
        _target = target;
        _runtime = runtime;
    }

    public static ClrMdTarget Attach(int processId)
    {
        // No suspension: the host sits idle on stdin, so its JIT data is stable. Suspending means ptrace-attaching to
        // every thread, and ClrMD's waitpid never returns for a thread that exits meanwhile (tiering's worker does).
        var target = DataTarget.AttachToProcess(processId, suspend: false);
        try
        {
            var clr = target.ClrVersions.FirstOrDefault()
                ?? throw new InvalidOperationException("no .NET runtime found in the JIT host");

            // The DAC sits beside libcoreclr; its version reads as 0.0 on Linux, hence ignoreMismatch.
            var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName) ?? string.Empty, "libmscordaccore.so");
            var runtime = File.Exists(dac) ? clr.CreateRuntime(dac, ignoreMismatch: true) : clr.CreateRuntime();
            return new ClrMdTarget(target, runtime);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Drops what was read before: the host has JITted (and loaded) more since the attach.</summary>
    public void Refresh()
    {
        _runtime.FlushCachedData();
        _target.DataReader.FlushCachedData();
        _codeHeapMethods = null;
        _fcalls = null;
    }

    /// <summary>The current native code of the method, or null when it has none.</summary>
    public NativeMethodCode? Read(HostMethod host)
    {
        var token = host.Token;
        var method = _runtime.GetMethodByHandle(host.Handle);
        if (method is null || !HasCode(method))
        {
            // Shared generic code, or a value type's method that reflection hands out as its unboxing stub:
            // follow the stubs from the entry point to the method's real code.
            var handle = method;
            method = FollowStubs(host.EntryPoint, token, depth: 4)
                ?? SiblingWithCode(handle, token)
                ?? SharedBody(handle, token);
        }

        if (method is null || !HasCode(method))
        {
            return null;
        }

        var regions = method.HotColdInfo;
        var hot = ReadBytes(regions.HotStart, regions.HotSize);
        var cold = regions.ColdSize > 0 ? ReadBytes(regions.ColdStart, regions.ColdSize) : [];
        var map = method.ILOffsetMap
            .Select(m => new NativeMapEntry(m.ILOffset, m.StartAddress, m.EndAddress))
            .ToList();
        return new NativeMethodCode(regions.HotStart, hot, regions.ColdStart, cold, map)
        {
            PrologSize = PrologSize(regions.HotStart, method.MethodDesc, hot.Length),
        };
    }

    /// <summary>
    /// One given body of native code (from the host's JIT events) with the map that came with it, or null when it has no
    /// map or cannot be read; <see cref="Read"/> then gives the method's default code version.
    /// ClrMD cannot give this body's map: <see cref="ClrMethod.ILOffsetMap"/> comes from the DAC's method instance by
    /// address, and the DAC answers that with the map of the method's first code version (its MethodDesc's code), even for
    /// an address inside a Tier1 body: Tier1 bytes with Tier0's map would put instructions under the wrong lines.
    /// </summary>
    public NativeMethodCode? ReadBody(HostCodeBody body)
    {
        if (body.Map is not { Count: > 0 } map || body.Size <= 0)
        {
            return null;
        }

        var bytes = ReadBytes(body.Start, (uint)body.Size);
        if (bytes.Length != body.Size)
        {
            return null;
        }

        var owner = _runtime.GetMethodByInstructionPointer(body.Start)?.MethodDesc ?? 0;
        return new NativeMethodCode(body.Start, bytes, 0, [], map) { PrologSize = PrologSize(body.Start, owner, bytes.Length) };
    }

    /// <summary>
    /// Another MethodDesc of the same method on its type: a generic value type's method has one for its unboxing stub,
    /// which reflection hands out, and one for its code.
    /// </summary>
    private static ClrMethod? SiblingWithCode(ClrMethod? method, int token) =>
        method?.Type?.Methods.FirstOrDefault(m => m.MetadataToken == token && HasCode(m));

    /// <summary>
    /// The compiled method with <paramref name="token"/> reached from <paramref name="address"/> through precode and
    /// unboxing stubs: each stub jumps directly or through a data slot, and a slot may hold a MethodDesc instead.
    /// </summary>
    private ClrMethod? FollowStubs(ulong address, int token, int depth)
    {
        if (depth == 0 || address == 0)
        {
            return null;
        }

        if (_runtime.GetMethodByInstructionPointer(address) is { } direct && direct.MetadataToken == token && HasCode(direct))
        {
            return direct;
        }

        var bytes = new byte[32];
        if (_target.DataReader.Read(address, bytes) != bytes.Length)
        {
            return null;
        }

        var decoder = Iced.Intel.Decoder.Create(64, new Iced.Intel.ByteArrayCodeReader(bytes), address);
        var loaded = (Register: Iced.Intel.Register.None, Value: 0UL);
        for (var i = 0; i < 4; i++)
        {
            decoder.Decode(out var instruction);
            if (instruction.IsIPRelativeMemoryOperand && TryReadPointer(instruction.IPRelativeMemoryAddress, out var slot))
            {
                // A precode's data: the slot holds its target, the next one its MethodDesc.
                foreach (var candidate in new[] { slot, TryReadPointer(instruction.IPRelativeMemoryAddress + 8, out var next) ? next : 0 })
                {
                    if (candidate != 0 && _runtime.GetMethodByHandle(candidate) is { } byHandle && byHandle.MetadataToken == token && HasCode(byHandle))
                    {
                        return byHandle;
                    }
                }

                if (instruction.Mnemonic == Iced.Intel.Mnemonic.Jmp && FollowStubs(slot, token, depth - 1) is { } viaSlot)
                {
                    return viaSlot;
                }
            }
            else if (instruction.Mnemonic == Iced.Intel.Mnemonic.Jmp && instruction.Op0Kind is Iced.Intel.OpKind.NearBranch64)
            {
                return FollowStubs(instruction.NearBranchTarget, token, depth - 1);
            }
            else if (instruction.Mnemonic == Iced.Intel.Mnemonic.Mov && instruction.Op1Kind == Iced.Intel.OpKind.Immediate64)
            {
                loaded = (instruction.Op0Register, instruction.Immediate64);
            }
            else if (instruction.Mnemonic == Iced.Intel.Mnemonic.Jmp && instruction.Op0Kind == Iced.Intel.OpKind.Register && instruction.Op0Register == loaded.Register)
            {
                // An unboxing stub: adjust `this`, load the method's entry point, jump to it.
                return FollowStubs(loaded.Value, token, depth - 1);
            }

            if (instruction.FlowControl is not Iced.Intel.FlowControl.Next)
            {
                break;
            }
        }

        return null;
    }

    public string? CodeName(ulong address)
    {
        if (_runtime.GetMethodByInstructionPointer(address) is { } method)
        {
            return method.Signature ?? method.Name;
        }

        return _runtime.GetJitHelperFunctionName(address) ?? PrecodeTarget(address)?.Signature ?? FCallName(address);
    }

    /// <summary>
    /// A method not compiled yet is called through a precode stub, which starts by loading from a data slot next to
    /// it (<c>jmp [rip+X]</c> or <c>mov r10, [rip+X]</c>); the slot or the one after it holds the method's MethodDesc.
    /// </summary>
    private ClrMethod? PrecodeTarget(ulong address)
    {
        var bytes = new byte[16];
        if (_target.DataReader.Read(address, bytes) != bytes.Length)
        {
            return null;
        }

        var decoder = Iced.Intel.Decoder.Create(64, new Iced.Intel.ByteArrayCodeReader(bytes), address);
        decoder.Decode(out var first);
        if (!first.IsIPRelativeMemoryOperand)
        {
            return null;
        }

        var slot = first.IPRelativeMemoryAddress;
        for (ulong i = 0; i < 2; i++)
        {
            if (TryReadPointer(slot + (i * 8), out var candidate) && candidate != 0 && _runtime.GetMethodByHandle(candidate) is { } method)
            {
                return method;
            }
        }

        return null;
    }

    public string? Constant(ulong value)
    {
        // Small numbers are plain constants, not addresses.
        if (value < 0x10000)
        {
            return null;
        }

        var obj = _runtime.Heap.GetObject(value);
        if (obj.IsValid && obj.Type is { IsString: true })
        {
            return Quote(obj.AsString(200) ?? string.Empty);
        }

        return _runtime.GetTypeByMethodTable(value)?.Name;
    }

    public bool TryReadPointer(ulong address, out ulong value) => _target.DataReader.ReadPointer(address, out value);

    public void Dispose() => _target.Dispose();

    private static bool HasCode(ClrMethod method) => method.NativeCode != 0 && method.NativeCode != ulong.MaxValue && method.HotColdInfo.HotSize > 0;

    private byte[] ReadBytes(ulong address, uint size)
    {
        var bytes = new byte[size];
        var read = _target.DataReader.Read(address, bytes);
        return read == bytes.Length ? bytes : bytes[..Math.Max(read, 0)];
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
