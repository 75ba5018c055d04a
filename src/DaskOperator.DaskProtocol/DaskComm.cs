using System.Net.Sockets;

namespace DaskOperator.DaskProtocol;

/// <summary>
/// One TCP connection to a Dask server (scheduler or worker) speaking the comm protocol:
/// the listener sends its handshake first, we answer with ours, then request/reply messages follow.
/// </summary>
internal sealed class DaskComm : IAsyncDisposable
{
    private static readonly Dictionary<string, object?> Handshake = new()
    {
        ["compression"] = null,
        ["python"] = new object[] { 3, 11, 2 },
        ["pickle-protocol"] = 5,
    };

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private DaskComm(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>Connects to <c>host:port</c> and completes the handshake.</summary>
    public static async Task<DaskComm> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var comm = new DaskComm(client);
            await comm.ReadAsync(cancellationToken).ConfigureAwait(false);
            await comm.WriteAsync(Handshake, cancellationToken).ConfigureAwait(false);
            return comm;
        }
        catch (Exception e) when (e is SocketException or IOException or EndOfStreamException)
        {
            client.Dispose();
            throw new DaskProtocolException($"Cannot reach the Dask scheduler at {host}:{port}: {e.Message}", e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends <c>{"op": op, "reply": true, ...arguments}</c> and returns the decoded reply.</summary>
    public async Task<object?> CallAsync(string op, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var message = new Dictionary<string, object?>(arguments) { ["op"] = op, ["reply"] = true };
        try
        {
            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
            var reply = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (reply is IReadOnlyDictionary<object, object?> map && map.String("status") == "uncaught-error")
            {
                throw new DaskProtocolException($"The scheduler failed on '{op}': {map.String("exception_text")}");
            }
            return reply;
        }
        catch (Exception e) when (e is SocketException or IOException or EndOfStreamException)
        {
            throw new DaskProtocolException($"The connection to the Dask scheduler broke during '{op}': {e.Message}", e);
        }
    }

    private async Task WriteAsync(IReadOnlyDictionary<string, object?> message, CancellationToken cancellationToken)
    {
        var bytes = DaskFrames.Encode([DaskMessages.Pack(message)]);
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<object?> ReadAsync(CancellationToken cancellationToken)
    {
        // Extra frames carry pickled or serialized payloads (e.g. an exception object); the header frame
        // already says everything the operator needs, so they are read and dropped.
        var frames = await DaskFrames.ReadAsync(_stream, cancellationToken).ConfigureAwait(false);
        if (frames.Count == 0)
        {
            throw new DaskProtocolException("The scheduler sent a message without frames.");
        }

        return DaskMessages.Unpack(frames[0]);
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
