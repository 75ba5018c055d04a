using MessagePack;
using MessagePack.Resolvers;

namespace DaskOperator.DaskProtocol;

/// <summary>
/// Frame 0 of every message is msgpack. Maps decode to <c>Dictionary&lt;object, object?&gt;</c> (Dask maps may
/// have non-string keys), arrays to <c>object?[]</c>; Dask's tagged maps (<c>__Set__</c>) are unwrapped to lists.
/// </summary>
internal static class DaskMessages
{
    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance)
            .WithSecurity(MessagePackSecurity.UntrustedData);

    public static byte[] Pack(IReadOnlyDictionary<string, object?> message) =>
        MessagePackSerializer.Serialize<object>(message, Options);

    public static object? Unpack(byte[] frame) => Normalize(MessagePackSerializer.Deserialize<object?>(frame, Options));

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
