using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubernetes.TestServer.Api;

/// <summary>DELETE of one object or a collection, with DeleteOptions from the body or the query.</summary>
public sealed partial class ApiHandler
{
    private async Task DeleteAsync(HttpContext context, ResourceRequest request)
    {
        var options = await DeleteOptionsOfAsync(context);
        var (obj, removed) = _service.Delete(request.Type, request.Namespace, request.Name!, options);
        await WriteObjectAsync(context, removed ? 200 : 202, request.Type, obj);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceRequest request)
    {
        var options = await DeleteOptionsOfAsync(context);
        var (items, resourceVersion) = Store.List(request.Type, request.Namespace, Filter(context));
        var deleted = new JsonArray();
        foreach (var item in items)
        {
            try
            {
                deleted.Add(Present(request.Type, _service.Delete(request.Type, item.Namespace(), item.Name(), options).Object));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted meanwhile by someone else: the collection delete still succeeds.
            }
        }

        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = request.Type.ListKind,
            ["apiVersion"] = request.Type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    private static async Task<DeleteOptions> DeleteOptionsOfAsync(HttpContext context)
    {
        var query = context.Request.Query;
        JsonObject body;
        if (MediaType(context) == ProtobufBody.MediaType)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.Length == 0 ? [] : ProtobufBody.DecodeDeleteOptions(buffer.ToArray());
        }
        else
        {
            var text = await ReadTextAsync(context);
            body = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }

        var policy = body.Str("propagationPolicy") ?? query["propagationPolicy"].ToString();
        if (string.IsNullOrEmpty(policy) && (body["orphanDependents"].IsTrue() || IsTrue(query["orphanDependents"])))
        {
            policy = "Orphan";
        }

        var grace = body.Long("gracePeriodSeconds")
            ?? (long.TryParse(query["gracePeriodSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : null);
        var dryRun = body["dryRun"] is JsonArray { Count: > 0 } || query["dryRun"].Count > 0;
        return new DeleteOptions(string.IsNullOrEmpty(policy) ? null : policy, grace, body.Str("preconditions", "uid"), body.Str("preconditions", "resourceVersion"), dryRun);
    }
}
