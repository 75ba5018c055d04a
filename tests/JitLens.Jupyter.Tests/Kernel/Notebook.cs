using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>Writes and reads .ipynb files (nbformat 4.5), the format nbclient and nbconvert execute.</summary>
internal static class Notebook
{
    public static void Write(string path, IReadOnlyList<string> cells) =>
        Write(path, cells, new JsonObject { ["name"] = JitLens.Jupyter.KernelSpec.Name, ["display_name"] = JitLens.Jupyter.KernelSpec.DisplayName, ["language"] = "csharp" });

    /// <summary>A notebook for Debian's IPython kernel (python3), where the %%jitlens magic runs.</summary>
    public static void WritePython(string path, IReadOnlyList<string> cells) =>
        Write(path, cells, new JsonObject { ["name"] = "python3", ["display_name"] = "Python 3", ["language"] = "python" });

    private static void Write(string path, IReadOnlyList<string> cells, JsonObject kernelspec)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = $"cell-{i}",
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = kernelspec,
                ["language_info"] = new JsonObject { ["name"] = (string)kernelspec["language"]! },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
    }

    /// <summary>Each cell's outputs, in order.</summary>
    public static IReadOnlyList<JsonArray> Outputs(string path)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        return notebook["cells"]!.AsArray().Select(c => c!["outputs"]!.AsArray()).ToList();
    }

    /// <summary>A multi-line string field: nbformat stores it as a string or a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? string.Empty,
    };
}
