using Microsoft.Diagnostics.Runtime;

namespace JitLens.Capture;

/// <summary>
/// ClrMD attached to the JIT host: reads the code the JIT produced, its IL→native map, and names for
/// the addresses that code refers to. The host is idle (waiting on stdin) while we read.
/// </summary>
internal sealed class ClrMdTarget : INativeSymbols, IDisposable
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
        var target = DataTarget.AttachToProcess(processId, suspend: true);
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

    /// <summary>The current native code of the method with this handle, or null when it has none.</summary>
    public NativeMethodCode? Read(ulong methodHandle, ulong entryPoint)
    {
        var method = _runtime.GetMethodByHandle(methodHandle);
        if (method is null || !HasCode(method))
        {
            // Shared generic code: the instantiation's entry point leads to the canonical method.
            method = _runtime.GetMethodByInstructionPointer(entryPoint);
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
        return new NativeMethodCode(regions.HotStart, hot, regions.ColdStart, cold, map);
    }

    public string? CodeName(ulong address)
    {
        if (_runtime.GetMethodByInstructionPointer(address) is { } method)
        {
            return method.Signature ?? method.Name;
        }

        return _runtime.GetJitHelperFunctionName(address);
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
