using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace JitLens.Capture;

internal sealed partial class ClrMdTarget
{
    private Dictionary<ulong, string>? _fcalls;

    /// <summary>
    /// The CoreLib method implemented natively in the runtime (an FCall, e.g. <c>Monitor.TryEnter_FastPath</c>) whose code
    /// starts at <paramref name="address"/>, or null. The JIT calls such methods directly, at an address inside libcoreclr,
    /// which ships without symbols; but the runtime's FCall tables pair each implementation's address with the method's
    /// name (an <c>ECFunc</c>: flags, implementation, name, signature). CoreLib's metadata says which names are FCalls.
    /// </summary>
    private string? FCallName(ulong address)
    {
        var runtimeModule = _target.DataReader.EnumerateModules()
            .FirstOrDefault(m => m.ImageBase <= address && address < m.ImageBase + (ulong)m.ImageSize);
        if (runtimeModule is null || !Path.GetFileName(runtimeModule.FileName).StartsWith("libcoreclr", StringComparison.Ordinal))
        {
            return null;
        }

        _fcalls ??= ReadFCalls(runtimeModule.ImageBase, (ulong)runtimeModule.ImageSize);
        return _fcalls.GetValueOrDefault(address);
    }

    private Dictionary<ulong, string> ReadFCalls(ulong imageBase, ulong imageSize)
    {
        var fcalls = new Dictionary<ulong, string>();
        var names = FCallSignatures();
        var image = ReadBytes(imageBase, (uint)imageSize);
        if (names.Count == 0 || image.Length < 32)
        {
            return fcalls;
        }

        bool Inside(ulong pointer) => pointer >= imageBase && pointer < imageBase + (ulong)image.Length;
        for (var offset = 0; offset + 16 <= image.Length; offset += 8)
        {
            var implementation = BitConverter.ToUInt64(image, offset);
            var name = BitConverter.ToUInt64(image, offset + 8);
            if (!Inside(implementation) || !Inside(name))
            {
                continue;
            }

            var start = (int)(name - imageBase);
            var end = Array.IndexOf(image, (byte)0, start, Math.Min(128, image.Length - start));
            if (end > start && names.TryGetValue(Encoding.ASCII.GetString(image, start, end - start), out var signature))
            {
                fcalls.TryAdd(implementation, signature);
            }
        }

        return fcalls;
    }

    /// <summary>CoreLib's FCalls by method name (a name two FCall types share is left out: it cannot tell them apart).</summary>
    private Dictionary<string, string> FCallSignatures()
    {
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        var coreLib = _runtime.EnumerateModules().FirstOrDefault(m => Path.GetFileName(m.Name ?? string.Empty) == "System.Private.CoreLib.dll");
        if (coreLib?.Name is not { } path || !File.Exists(path))
        {
            return signatures;
        }

        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var ilNames = new Il.IlNames(reader);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.MethodDefinitions)
        {
            var method = reader.GetMethodDefinition(handle);
            if ((method.ImplAttributes & MethodImplAttributes.InternalCall) == 0)
            {
                continue;
            }

            var name = reader.GetString(method.Name);
            var full = ilNames.Method(handle);
            if (!signatures.TryAdd(name, full) && signatures[name] != full)
            {
                ambiguous.Add(name);
            }
        }

        foreach (var name in ambiguous)
        {
            signatures.Remove(name);
        }

        return signatures;
    }
}
