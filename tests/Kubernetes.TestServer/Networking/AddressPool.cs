using System.Net;

namespace Kubernetes.TestServer.Networking;

/// <summary>
/// Hands out loopback addresses (all of 127.0.0.0/8 reaches <c>lo</c> on Linux) from a randomly placed block,
/// so that clusters started side by side on one machine rarely collide.
/// </summary>
public sealed class AddressPool
{
    private readonly Lock _gate = new();
    private readonly HashSet<uint> _used = [];
    private readonly uint _first;
    private readonly uint _size;
    private uint _next;

    /// <param name="secondOctetFrom">Lowest second octet of the range (inclusive).</param>
    /// <param name="secondOctetTo">Highest second octet of the range (inclusive).</param>
    public AddressPool(int secondOctetFrom, int secondOctetTo)
    {
        _first = (127u << 24) | ((uint)secondOctetFrom << 16);
        _size = (uint)(secondOctetTo - secondOctetFrom + 1) << 16;
        _next = (uint)Random.Shared.NextInt64(_size);
    }

    public string Allocate()
    {
        lock (_gate)
        {
            for (var tries = 0u; tries < _size; tries++)
            {
                var candidate = _first + (_next++ % _size);
                var last = candidate & 0xFF;
                if (last is 0 or 255 || !_used.Add(candidate))
                {
                    continue;
                }

                return new IPAddress(BitConverter.IsLittleEndian ? (uint)IPAddress.HostToNetworkOrder((int)candidate) : candidate).ToString();
            }

            throw new InvalidOperationException("the loopback address pool is exhausted");
        }
    }

    public void Release(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return;
        }

        var bytes = ip.GetAddressBytes();
        lock (_gate)
        {
            _used.Remove(((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3]);
        }
    }
}
