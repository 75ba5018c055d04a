using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;

namespace DaskOperator.Controller;

/// <summary>
/// The list and watch requests of the watches, made on the client's own HTTP connection and credentials: the
/// AOT-safe Kubernetes client has no watch helpers, and a watch is just a GET whose body is one JSON event per line.
/// </summary>
internal sealed class KubeStream(Kubernetes client)
{
    public async Task<KubeObjectList> ListAsync(string path, CancellationToken ct)
    {
        using var response = await GetAsync(path, ct).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(body, ControllerJsonContext.Default.KubeObjectList, ct).ConfigureAwait(false)
            ?? throw new JsonException($"GET {path} returned no list.");
    }

    /// <summary>Events until the server ends the watch (its timeout, a restart) or <paramref name="ct"/> stops it.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await GetAsync(path, ct).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize(line, ControllerJsonContext.Default.WatchEvent) is { } e)
            {
                yield return e;
            }
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, path));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct).ConfigureAwait(false);
        }
        var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new HttpRequestException($"GET {path} answered {(int)status} {status}.", null, status);
        }
        return response;
    }
}
