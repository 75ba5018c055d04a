using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Networking;

/// <summary>
/// One service address and port. It listens only while the service has a ready endpoint, so that connecting
/// otherwise is refused, as kube-proxy rejects it (clients such as Dask retry a refused connect, not a dropped one).
/// Each accepted connection is piped to an endpoint chosen for it.
/// </summary>
public sealed class PortForwarder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Func<IPEndPoint?> _pickEndpoint;
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public PortForwarder(string address, int port, JsonNode target, Func<IPEndPoint?> pickEndpoint)
    {
        Address = address;
        Port = port;
        Target = target;
        _pickEndpoint = pickEndpoint;
    }

    public string Address { get; }

    public int Port { get; }

    public JsonNode Target { get; }

    /// <summary>Starts or stops listening as the service gains or loses its ready endpoints.</summary>
    public void SetListening(bool listening)
    {
        lock (_gate)
        {
            if (listening && _listener is null)
            {
                var listener = new TcpListener(IPAddress.Parse(Address), Port);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                listener.Start();
                _listener = listener;
                _stop = new CancellationTokenSource();
                _ = AcceptAsync(listener, _stop.Token);
            }
            else if (!listening && _listener is not null)
            {
                _stop!.Cancel();
                _listener.Stop();
                _stop.Dispose();
                _listener = null;
                _stop = null;
            }
        }
    }

    public void Dispose() => SetListening(false);

    private async Task AcceptAsync(TcpListener listener, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, token);
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken token)
    {
        using (client)
        {
            // The last endpoint may have gone since the listener opened: then the connection just closes.
            var endpoint = _pickEndpoint();
            if (endpoint is null)
            {
                return;
            }

            using var upstream = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await upstream.ConnectAsync(endpoint, token);
                client.NoDelay = true;
                upstream.NoDelay = true;
                await using var a = new NetworkStream(client, ownsSocket: false);
                await using var b = new NetworkStream(upstream, ownsSocket: false);
                var up = PumpAsync(a, b, upstream, token);
                var down = PumpAsync(b, a, client, token);
                await Task.WhenAll(up, down);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side went away: close both.
            }
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, Socket toSocket, CancellationToken token)
    {
        try
        {
            await from.CopyToAsync(to, token);
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            toSocket.Close();
        }
    }
}
