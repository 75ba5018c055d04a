using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Selectors;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Tables;

/// <summary>
/// Builds the <c>meta.k8s.io/v1</c> Table that <c>kubectl get</c> asks for: built-in kinds get kubectl's usual
/// columns, custom resources get Name plus their CRD's printer columns (or Age).
/// </summary>
public static class TableConverter
{
    private static readonly PrinterColumn NameColumn = new("Name", "string", ".metadata.name", "Name must be unique within a namespace.", 0, "name");
    private static readonly PrinterColumn AgeColumn = new("Age", "date", ".metadata.creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public static JsonObject Convert(ResourceType type, IEnumerable<JsonObject> items, long resourceVersion, bool withColumns = true)
    {
        var columns = Columns(type);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["columnDefinitions"] = withColumns
                ? new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Name, ["type"] = c.Type == "date" ? "string" : c.Type, ["format"] = c.Format,
                    ["description"] = c.Description, ["priority"] = c.Priority,
                })])
                : new JsonArray(),
            ["rows"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
            {
                ["cells"] = new JsonArray([.. Cells(type, columns, item)]),
                ["object"] = PartialObjectMetadata(item),
            })]),
        };
        return table;
    }

    public static JsonObject PartialObjectMetadata(JsonObject item) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = item.Metadata().DeepClone(),
    };

    private static IReadOnlyList<PrinterColumn> Columns(ResourceType type) =>
        type.IsCustom
            ? [NameColumn, .. type.Columns.Count == 0 ? [AgeColumn] : type.Columns]
            : BuiltinTables.Columns(type) is { } builtin ? [NameColumn, .. builtin] : [NameColumn, AgeColumn];

    private static IEnumerable<JsonNode?> Cells(ResourceType type, IReadOnlyList<PrinterColumn> columns, JsonObject item)
    {
        if (!type.IsCustom && BuiltinTables.Cells(type, item) is { } builtin)
        {
            return [JsonValue.Create(item.Name()), .. builtin];
        }

        return columns.Select(c => Cell(c, item));
    }

    private static JsonNode? Cell(PrinterColumn column, JsonObject item)
    {
        var values = SimpleJsonPath.Select(item, column.JsonPath).Where(v => v is not null).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (column.Type == "date")
        {
            return HumanDuration.Since(values[0].Text());
        }

        return values.Count == 1 ? values[0]!.DeepClone() : string.Join(",", values.Select(v => v.Text()));
    }
}
