using System.Buffers.Binary;

namespace DaskOperator.DaskProtocol;

/// <summary>
/// Dask's TCP framing: <c>u64 total</c>, <c>u64 nframes</c>, <c>u64 length</c> per frame, then the frames,
/// all little-endian; <c>total</c> counts everything after itself.
/// </summary>
internal static class DaskFrames
{
    /// <summary>Largest message we accept; scheduler replies to our ops are small, so anything bigger is a broken stream.</summary>
    public const long MaxMessageBytes = 256L * 1024 * 1024;

    public static byte[] Encode(IReadOnlyList<byte[]> frames)
    {
        var prelude = 8 + 8 * frames.Count;
        var total = prelude + frames.Sum(f => (long)f.Length);
        var buffer = new byte[8 + total];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)total);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(8), (ulong)frames.Count);
        var offset = 16;
        foreach (var frame in frames)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(offset), (ulong)frame.Length);
            offset += 8;
        }
        foreach (var frame in frames)
        {
            frame.CopyTo(buffer, offset);
            offset += frame.Length;
        }
        return buffer;
    }

    public static async Task<List<byte[]>> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        var total = (long)BinaryPrimitives.ReadUInt64LittleEndian(header);
        if (total < 8 || total > MaxMessageBytes)
        {
            throw new DaskProtocolException($"The peer announced a {total}-byte message, which is not a Dask frame header.");
        }
        var body = new byte[total];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        var count = (long)BinaryPrimitives.ReadUInt64LittleEndian(body);
        if (count < 0 || 8 + 8 * count > total)
        {
            throw new DaskProtocolException($"The peer announced {count} frames in a {total}-byte message.");
        }
        var frames = new List<byte[]>((int)count);
        long offset = 8 + 8 * count;
        for (var i = 0; i < count; i++)
        {
            var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(8 + 8 * i));
            if (offset + length > total)
            {
                throw new DaskProtocolException("A frame runs past the end of its message.");
            }

            frames.Add(body.AsSpan((int)offset, (int)length).ToArray());
            offset += length;
        }
        return frames;
    }
}
