using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Kubelet;

/// <summary>
/// One readiness probe: httpGet, tcpSocket or exec against the pod's address. Timeouts are at least five seconds:
/// the machines running tests are often loaded, and a flapping readiness would cut services off.
/// </summary>
public sealed class Probe
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly JsonObject _probe;
    private readonly JsonObject _container;
    private readonly string _podIp;

    public Probe(JsonObject probe, JsonObject container, string podIp)
    {
        _probe = probe;
        _container = container;
        _podIp = podIp;
    }

    public TimeSpan InitialDelay => TimeSpan.FromSeconds(_probe.Long("initialDelaySeconds") ?? 0);

    public TimeSpan Period => TimeSpan.FromSeconds(_probe.Long("periodSeconds") ?? 10);

    public int FailureThreshold => (int)(_probe.Long("failureThreshold") ?? 3);

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var requested = TimeSpan.FromSeconds(_probe.Long("timeoutSeconds") ?? 1);
        timeout.CancelAfter(requested > MinimumTimeout ? requested : MinimumTimeout);
        try
        {
            if (_probe["httpGet"] is JsonObject http)
            {
                var scheme = (http.Str("scheme") ?? "HTTP").ToLowerInvariant();
                var path = http.Str("path") ?? "/";
                using var response = await Http.GetAsync(new Uri($"{scheme}://{http.Str("host") ?? _podIp}:{Port(http["port"])}{path}"), timeout.Token);
                return (int)response.StatusCode is >= 200 and < 400;
            }

            if (_probe["tcpSocket"] is JsonObject tcp)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(tcp.Str("host") ?? _podIp, Port(tcp["port"]), timeout.Token);
                return true;
            }

            if (_probe.At("exec", "command") is JsonArray command && command.Count > 0)
            {
                var start = new ProcessStartInfo(command[0].Text()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var arg in command.Skip(1))
                {
                    start.ArgumentList.Add(arg.Text());
                }

                using var process = Process.Start(start)!;
                await process.WaitForExitAsync(timeout.Token);
                return process.ExitCode == 0;
            }

            return true;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or OperationCanceledException or System.ComponentModel.Win32Exception or IOException)
        {
            return false;
        }
    }

    /// <summary>A probe port is a number or the name of one of the container's ports.</summary>
    private int Port(JsonNode? port)
    {
        var text = port.Text();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return (int)((_container["ports"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p.Str("name") == text)?.Long("containerPort")
            ?? throw new InvalidOperationException($"no container port named {text}"));
    }
}
