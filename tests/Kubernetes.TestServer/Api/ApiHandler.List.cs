using System.Globalization;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Selectors;
using Kubernetes.TestServer.Storage;
using Kubernetes.TestServer.Tables;
using Microsoft.AspNetCore.Http;

namespace Kubernetes.TestServer.Api;

/// <summary>List: label and field selectors, Table and metadata-only forms. <c>limit</c> is accepted; everything comes in one page.</summary>
public sealed partial class ApiHandler
{
    private Task ListAsync(HttpContext context, ResourceRequest request)
    {
        var matches = Filter(context);
        var (items, resourceVersion) = Store.List(request.Type, request.Namespace, matches);
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("as=Table", StringComparison.Ordinal))
        {
            return WriteJsonAsync(context, 200, TableConverter.Convert(request.Type, items, resourceVersion));
        }

        var metadataOnly = accept.Contains("as=PartialObjectMetadataList", StringComparison.Ordinal);
        var list = new JsonObject
        {
            ["kind"] = metadataOnly ? "PartialObjectMetadataList" : request.Type.ListKind,
            ["apiVersion"] = metadataOnly ? "meta.k8s.io/v1" : request.Type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode)(metadataOnly ? TableConverter.PartialObjectMetadata(i) : Present(request.Type, i)))]),
        };
        return WriteJsonAsync(context, 200, list);
    }

    private static Func<JsonObject, bool> Filter(HttpContext context)
    {
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(context.Request.Query["fieldSelector"]);
        return obj => labels.Matches(obj.Labels()) && fields.Matches(obj);
    }
}
