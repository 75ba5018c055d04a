using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubernetes.TestServer.Api;

/// <summary>Routes every HTTP request: discovery, OpenAPI, version and health documents, then resource verbs.</summary>
public sealed partial class ApiHandler
{
    private readonly ResourceService _service;
    private readonly Func<string> _serverAddress;
    private readonly IPodLogSource _logs;

    public ApiHandler(ResourceService service, Func<string> serverAddress, IPodLogSource logs)
    {
        _service = service;
        _serverAddress = serverAddress;
        _logs = logs;
    }

    private ResourceRegistry Registry => _service.Registry;

    private ObjectStore Store => _service.Store;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context);
        }
        catch (ApiException e)
        {
            await WriteErrorAsync(context, e);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, ApiException.BadRequest($"error decoding the request body: {e.Message}"));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (watches end this way).
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException or InvalidCastException or NullReferenceException)
        {
            // A bug here must still answer like an API server, with the reason in the message for the test log.
            await WriteErrorAsync(context, new ApiException(500, "InternalError", $"an error on the server has prevented the request from succeeding: {e.GetType().Name}: {e.Message}"));
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "/").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = context.Request.Method;
        switch (parts)
        {
            case ["version"]:
                await WriteJsonAsync(context, 200, ServerVersion.Document());
                return;
            case ["healthz" or "livez" or "readyz", ..]:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok");
                return;
            case ["openapi", "v3"]:
                await WriteJsonAsync(context, 200, OpenApiDocuments.Index(Registry));
                return;
            case ["openapi", "v3", ..]:
                await WriteJsonAsync(context, 200, OpenApiDocuments.DocumentForPath(Registry, string.Join('/', parts[2..])) ?? throw NotFoundPath());
                return;
            case ["api" or "apis"] when AggregatedDiscovery.IsAccepted(context.Request.Headers.Accept.ToString()):
                await WriteJsonAsync(context, 200, AggregatedDiscovery.Document(Registry, core: parts[0] == "api"), AggregatedDiscovery.ContentType);
                return;
            case ["api"]:
                await WriteJsonAsync(context, 200, Discovery.Versions(_serverAddress()));
                return;
            case ["api", "v1"]:
                await WriteJsonAsync(context, 200, Discovery.Resources(Registry, "", "v1")!);
                return;
            case ["apis"]:
                await WriteJsonAsync(context, 200, Discovery.Groups(Registry));
                return;
            case ["apis", var group]:
                await WriteJsonAsync(context, 200, Discovery.Group(Registry, group) ?? throw NotFoundPath());
                return;
            case ["apis", var group, var version]:
                await WriteJsonAsync(context, 200, Discovery.Resources(Registry, group, version) ?? throw NotFoundPath());
                return;
            case ["api", "v1", .. var rest] when rest.Length > 0:
                await ServeResourceAsync(context, method, ResourceRequest.Parse(Registry, "", "v1", rest));
                return;
            case ["apis", var group, var version, .. var rest] when rest.Length > 0:
                await ServeResourceAsync(context, method, ResourceRequest.Parse(Registry, group, version, rest));
                return;
            default:
                throw NotFoundPath();
        }
    }

    private async Task ServeResourceAsync(HttpContext context, string method, ResourceRequest request)
    {
        var query = context.Request.Query;
        switch (method, request.Name, request.Subresource)
        {
            case ("GET", null, _) when IsTrue(query["watch"]):
                await WatchAsync(context, request);
                break;
            case ("GET", null, _):
                await ListAsync(context, request);
                break;
            case ("GET", _, null or "status"):
                await WriteObjectAsync(context, 200, request.Type, _service.Get(request.Type, request.Namespace, request.Name));
                break;
            case ("GET", _, "scale"):
                await WriteJsonAsync(context, 200, _service.GetScale(request.Type, request.Namespace, request.Name));
                break;
            case ("GET", _, "log") when request.Type == BuiltinResources.Pods:
                await ServeLogAsync(context, request);
                break;
            case ("POST", null, null):
                await WriteObjectAsync(context, 201, request.Type, _service.Create(request.Type, request.Namespace, await ReadObjectAsync(context, request.Type), WriteOptionsOf(context)));
                break;
            case ("PUT", not null, null or "status"):
                await WriteObjectAsync(context, 200, request.Type, _service.Replace(request.Type, request.Namespace, request.Name, await ReadObjectAsync(context, request.Type), request.Subresource, WriteOptionsOf(context)));
                break;
            case ("PUT", not null, "scale"):
                await WriteJsonAsync(context, 200, _service.ReplaceScale(request.Type, request.Namespace, request.Name, await ReadObjectAsync(context, request.Type), WriteOptionsOf(context)));
                break;
            case ("PATCH", not null, null or "status"):
                await WriteObjectAsync(context, 200, request.Type, _service.Patch(request.Type, request.Namespace, request.Name, MediaType(context), await ReadTextAsync(context), request.Subresource, WriteOptionsOf(context)));
                break;
            case ("PATCH", not null, "scale"):
                await WriteJsonAsync(context, 200, _service.PatchScale(request.Type, request.Namespace, request.Name, MediaType(context), await ReadTextAsync(context), WriteOptionsOf(context)));
                break;
            case ("DELETE", not null, null):
                await DeleteAsync(context, request);
                break;
            case ("DELETE", null, null):
                await DeleteCollectionAsync(context, request);
                break;
            default:
                throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource ({method} {request.Type.Plural}{(request.Subresource is null ? "" : "/" + request.Subresource)})");
        }
    }

    private static ApiException NotFoundPath() => new(404, "NotFound", "the server could not find the requested resource");

    private static bool IsTrue(string? value) => value is "1" or "true" or "True";

    private static string MediaType(HttpContext context) =>
        (context.Request.ContentType ?? "application/json").Split(';')[0].Trim();

    private static WriteOptions WriteOptionsOf(HttpContext context) => new(
        DryRun: context.Request.Query["dryRun"].Count > 0,
        FieldManager: FieldManagerOf(context),
        Force: IsTrue(context.Request.Query["force"]),
        StrictFields: context.Request.Query["fieldValidation"] == "Strict");

    /// <summary>The request's fieldManager; else, for writes other than apply, the user agent's product, as the real server derives it.</summary>
    private static string? FieldManagerOf(HttpContext context)
    {
        var given = context.Request.Query["fieldManager"].ToString();
        if (!string.IsNullOrEmpty(given) || MediaType(context) == ResourceService.ApplyPatch)
        {
            return string.IsNullOrEmpty(given) ? null : given;
        }

        var agent = context.Request.Headers.UserAgent.ToString();
        return string.IsNullOrEmpty(agent) ? null : agent.Split('/', 2)[0].Trim();
    }

    private static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, ResourceType type)
    {
        if (MediaType(context) == ProtobufBody.MediaType)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return ProtobufBody.Decode(type, buffer.ToArray());
        }

        var text = await ReadTextAsync(context);
        var node = MediaType(context).Contains("yaml", StringComparison.Ordinal) ? Patching.YamlToJson.Convert(text) : JsonNode.Parse(text);
        return node as JsonObject ?? throw ApiException.BadRequest("the request body is not a JSON object");
    }

    private static async Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        if (!context.Response.HasStarted)
        {
            await WriteJsonAsync(context, error.Code, error.ToStatus());
        }
    }

    internal static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted);
    }

    /// <summary>Objects are stored at one version; each is presented at the version the client asked for.</summary>
    private static JsonObject Present(ResourceType type, JsonObject obj)
    {
        if (obj.Str("apiVersion") == type.ApiVersion)
        {
            return obj;
        }

        var copy = obj.Clone();
        copy["apiVersion"] = type.ApiVersion;
        return copy;
    }

    private static Task WriteObjectAsync(HttpContext context, int status, ResourceType type, JsonObject obj)
    {
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("as=Table", StringComparison.Ordinal))
        {
            return WriteJsonAsync(context, status, Tables.TableConverter.Convert(type, [obj], long.Parse(obj.Str("metadata", "resourceVersion") ?? "0", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (accept.Contains("as=PartialObjectMetadata", StringComparison.Ordinal))
        {
            return WriteJsonAsync(context, status, Tables.TableConverter.PartialObjectMetadata(obj));
        }

        return WriteJsonAsync(context, status, Present(type, obj));
    }
}
