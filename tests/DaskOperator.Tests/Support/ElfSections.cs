using System.Buffers.Binary;
using System.Text;

namespace DaskOperator.Tests.Support;

/// <summary>
/// The section names of a 64-bit little-endian ELF executable. A Native AOT executable has the compiler's
/// <c>__managedcode</c> section; a single-file or framework-dependent one carries IL for the JIT instead.
/// </summary>
public static class ElfSections
{
    public static IReadOnlyList<string> Names(string path)
    {
        var file = File.ReadAllBytes(path);
        if (file.Length < 64 || file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F' || file[4] != 2)
        {
            throw new InvalidDataException($"{path} is not a 64-bit ELF file.");
        }

        var sectionTable = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(0x28));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x3C));
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x3E));
        var namesOffset = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(sectionTable + namesIndex * entrySize + 0x18));
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var start = namesOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(sectionTable + i * entrySize));
            var end = Array.IndexOf(file, (byte)0, start);
            names.Add(Encoding.ASCII.GetString(file, start, end - start));
        }
        return names;
    }
}
