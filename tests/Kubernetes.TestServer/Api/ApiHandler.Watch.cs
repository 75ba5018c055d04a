using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Storage;
using Kubernetes.TestServer.Tables;
using Microsoft.AspNetCore.Http;

namespace Kubernetes.TestServer.Api;

/// <summary>
/// Watch streams: newline-delimited <c>{"type","object"}</c> events over a chunked response. A too-old resource
/// version yields an ERROR event carrying a 410 Status, as the real API server sends it.
/// </summary>
public sealed partial class ApiHandler
{
    private static readonly TimeSpan DefaultWatchTimeout = TimeSpan.FromMinutes(30);

    private async Task WatchAsync(HttpContext context, ResourceRequest request)
    {
        var query = context.Request.Query;
        var type = request.Type;
        var fromVersion = long.TryParse(query["resourceVersion"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rv) ? rv : (long?)null;
        var timeout = long.TryParse(query["timeoutSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : DefaultWatchTimeout;
        var asTable = context.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        Watcher watcher;
        try
        {
            watcher = Store.Watch(type, request.Namespace, fromVersion, Filter(context), IsTrue(query["allowWatchBookmarks"]), IsTrue(query["sendInitialEvents"]));
        }
        catch (ApiException e) when (e.Code == 410)
        {
            await WriteEventAsync(context, "ERROR", e.ToStatus());
            return;
        }

        using (watcher)
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(timeout);
            var first = true;
            try
            {
                await foreach (var item in watcher.Reader.ReadAllAsync(deadline.Token))
                {
                    JsonNode body = item.Type == WatchItem.Bookmark
                        ? Bookmark(type.Kind, type.ApiVersion, item)
                        : asTable ? TableConverter.Convert(type, [item.Object!], item.ResourceVersion, withColumns: first) : Present(type, item.Object!);
                    first = false;
                    await WriteEventAsync(context, item.Type, body);
                }
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                // timeoutSeconds elapsed: end the stream normally, as the real server does.
            }

            if (watcher.AbortConnection)
            {
                // DropWatches simulates a broken connection unless asked for a clean end of stream.
                context.Abort();
            }
        }
    }

    private static JsonObject Bookmark(string kind, string apiVersion, WatchItem item)
    {
        var metadata = new JsonObject { ["resourceVersion"] = item.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (item.InitialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        return new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = metadata };
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            body.WriteTo(writer);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
