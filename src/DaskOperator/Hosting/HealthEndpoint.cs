using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DaskOperator.Hosting;

/// <summary>
/// <c>GET /healthz</c> (the process answers) and <c>GET /readyz</c> (leading with its watches synced, or standing by)
/// for the kubelet's probes: one short HTTP/1.1 response per connection. A web framework for two fixed answers would
/// cost the operator more memory than everything else it runs.
/// </summary>
internal sealed class HealthEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener;
    private readonly Func<(bool Ready, string Text)> _readiness;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    private HealthEndpoint(TcpListener listener, Func<(bool Ready, string Text)> readiness)
    {
        _listener = listener;
        _readiness = readiness;
    }

    public string Url => $"http://{_listener.LocalEndpoint}";

    /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (0: any free port).</summary>
    public static HealthEndpoint Start(IPAddress address, int port, Func<(bool Ready, string Text)> readiness)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new StartupException($"Cannot serve the health endpoint on port {port}: {e.Message}", e);
        }
        var endpoint = new HealthEndpoint(listener, readiness);
        endpoint._accepting = endpoint.AcceptAsync();
        return endpoint;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            timeout.CancelAfter(ReadTimeout);
            try
            {
                var stream = client.GetStream();
                var path = await ReadPathAsync(stream, timeout.Token).ConfigureAwait(false);
                var (status, text) = path switch
                {
                    "/healthz" => (HttpStatusCode.OK, "ok"),
                    "/readyz" => _readiness() is (true, var ready) ? (HttpStatusCode.OK, ready) : (HttpStatusCode.ServiceUnavailable, "not ready"),
                    _ => (HttpStatusCode.NotFound, "not found"),
                };
                var body = Encoding.UTF8.GetBytes(text);
                var head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 {(int)status} {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, timeout.Token).ConfigureAwait(false);
                await stream.WriteAsync(body, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A probe that hung up or stalled: nothing to answer.
            }
        }
    }

    /// <summary>The path of the request line (<c>GET /readyz HTTP/1.1</c>); the rest of the request is not needed.</summary>
    private static async Task<string?> ReadPathAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            var end = Array.IndexOf(buffer, (byte)'\n', 0, length);
            if (end >= 0)
            {
                var parts = Encoding.ASCII.GetString(buffer, 0, end).Split(' ');
                return parts is ["GET", var target, ..] ? target.Split('?')[0] : null;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _listener.Dispose();
        _stop.Dispose();
    }
}
