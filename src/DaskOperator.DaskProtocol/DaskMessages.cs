using System.Buffers;
using System.Collections;
using MessagePack;

namespace DaskOperator.DaskProtocol;

/// <summary>
/// Frame 0 of every message is msgpack. Maps decode to <c>Dictionary&lt;object, object?&gt;</c> (Dask maps may
/// have non-string keys), arrays to <c>object?[]</c>; Dask's tagged maps (<c>__Set__</c>) are unwrapped to lists.
/// Written and read value by value with MessagePack's reader and writer: its resolvers emit code at run time, which a
/// natively compiled operator cannot do.
/// </summary>
internal static class DaskMessages
{
    /// <summary>Deeper than any scheduler reply; a hostile one cannot exhaust the stack.</summary>
    private const int MaxDepth = 64;

    public static byte[] Pack(IReadOnlyDictionary<string, object?> message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, message, 0);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static object? Unpack(byte[] frame)
    {
        var reader = new MessagePackReader(frame);
        return Normalize(Read(ref reader, 0));
    }

    private static void Write(ref MessagePackWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DaskProtocolException("A message nests deeper than Dask's messages do.");
        }

        switch (value)
        {
            case null: writer.WriteNil(); break;
            case string s: writer.Write(s); break;
            case bool b: writer.Write(b); break;
            case int i: writer.Write(i); break;
            case long l: writer.Write(l); break;
            case double d: writer.Write(d); break;
            case byte[] bytes: writer.Write(bytes); break;
            case IDictionary map:
                writer.WriteMapHeader(map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    Write(ref writer, entry.Key, depth + 1);
                    Write(ref writer, entry.Value, depth + 1);
                }
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteMapHeader(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.Write(key);
                    Write(ref writer, item, depth + 1);
                }
                break;
            case ICollection list:
                writer.WriteArrayHeader(list.Count);
                foreach (var item in list)
                {
                    Write(ref writer, item, depth + 1);
                }
                break;
            default: throw new ArgumentException($"{value.GetType().Name} is not a type Dask messages carry.", nameof(value));
        }
    }

    private static object? Read(ref MessagePackReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DaskProtocolException("A message nests deeper than Dask's messages do.");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil: reader.ReadNil(); return null;
            case MessagePackType.Boolean: return reader.ReadBoolean();
            case MessagePackType.Integer: return reader.NextCode == MessagePackCode.UInt64 ? reader.ReadUInt64() : reader.ReadInt64();
            case MessagePackType.Float: return reader.ReadDouble();
            case MessagePackType.String: return reader.ReadString();
            case MessagePackType.Binary: return reader.ReadBytes()?.ToArray();
            case MessagePackType.Array:
                var items = new object?[reader.ReadArrayHeader()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Read(ref reader, depth + 1);
                }
                return items;
            case MessagePackType.Map:
                var count = reader.ReadMapHeader();
                var map = new Dictionary<object, object?>(count);
                for (var i = 0; i < count; i++)
                {
                    var key = Read(ref reader, depth + 1) ?? "";
                    map[key] = Read(ref reader, depth + 1);
                }
                return map;
            case MessagePackType.Extension:
                // Dask does not send extension types to the RPCs we call; skip one rather than fail the message.
                reader.Skip();
                return null;
            default:
                throw new DaskProtocolException($"Not a msgpack value: code 0x{reader.NextCode:x2}.");
        }
    }

    private static object? Normalize(object? value) => value switch
    {
        IDictionary<object, object?> map when map.TryGetValue("__Set__", out _) && map.TryGetValue("as-list", out var list) =>
            Normalize(list),
        IDictionary<object, object?> map => map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value)),
        object?[] array => array.Select(Normalize).ToArray(),
        _ => value,
    };

    public static string? String(this IReadOnlyDictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var v) ? v as string : null;

    public static long? Integer(this IReadOnlyDictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var v) && v is not null and not string && v is IConvertible c
            ? Convert.ToInt64(c, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static IReadOnlyDictionary<object, object?>? Map(this IReadOnlyDictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var v) ? v as IReadOnlyDictionary<object, object?> : null;
}
