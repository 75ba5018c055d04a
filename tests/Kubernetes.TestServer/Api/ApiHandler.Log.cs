using System.Globalization;
using Kubernetes.TestServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubernetes.TestServer.Api;

/// <summary><c>pods/NAME/log</c> for <c>kubectl logs</c>: the captured output of a container, followed with <c>follow=true</c>.</summary>
public sealed partial class ApiHandler
{
    private async Task ServeLogAsync(HttpContext context, ResourceRequest request)
    {
        var pod = _service.Get(request.Type, request.Namespace, request.Name!);
        string? container = context.Request.Query["container"];
        if (string.IsNullOrEmpty(container))
        {
            if (pod.At("spec", "containers") is System.Text.Json.Nodes.JsonArray { Count: > 0 } containers)
            {
                container = containers[0].Str("name");
            }
        }

        var text = _logs.ReadLog(request.Namespace!, request.Name!, container, IsTrue(context.Request.Query["previous"]))
            ?? throw ApiException.BadRequest($"container \"{container}\" in pod \"{request.Name}\" is waiting to start: ContainerCreating");
        if (int.TryParse(context.Request.Query["tailLines"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var tail))
        {
            var lines = text.Split('\n');
            var keep = lines[^1].Length == 0 ? lines[..^1] : lines;
            text = string.Join('\n', keep.TakeLast(tail)) + (keep.Length > 0 ? "\n" : "");
        }

        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text, context.RequestAborted);
        if (IsTrue(context.Request.Query["follow"]))
        {
            await FollowAsync(context, request.Namespace!, request.Name!, container, _logs.ReadLog(request.Namespace!, request.Name!, container, false)?.Length ?? 0);
        }
    }

    /// <summary>Streams what the container prints next, until it stops or the client goes away.</summary>
    private async Task FollowAsync(HttpContext context, string ns, string pod, string? container, int sent)
    {
        await context.Response.Body.FlushAsync(context.RequestAborted);
        while (!context.RequestAborted.IsCancellationRequested)
        {
            var running = _logs.IsRunning(ns, pod, container);
            var text = _logs.ReadLog(ns, pod, container, false) ?? "";
            if (text.Length > sent)
            {
                await context.Response.WriteAsync(text[sent..], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                sent = text.Length;
            }
            else if (!running)
            {
                return;
            }

            await Task.Delay(200, context.RequestAborted);
        }
    }
}
