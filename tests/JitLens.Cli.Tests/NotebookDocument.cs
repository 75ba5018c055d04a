using System.Text.Json.Nodes;

namespace JitLens.Cli.Tests;

/// <summary>Notebooks (nbformat 4) as the notebook tests write and read them.</summary>
internal static class NotebookDocument
{
    /// <summary>A notebook of code cells, one per source, for the kernel named in its metadata.</summary>
    public static JsonObject Create(JsonObject kernelSpec, IEnumerable<string> sources) => new()
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject { ["kernelspec"] = kernelSpec },
        ["cells"] = new JsonArray(sources.Select((s, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["id"] = $"cell{i}",
            ["metadata"] = new JsonObject(),
            ["execution_count"] = null,
            ["outputs"] = new JsonArray(),
            ["source"] = s,
        }).ToArray()),
    };

    /// <summary>nbformat stores text as a string or as a list of lines.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? string.Empty;
}
