using System.Text.Json.Nodes;
using JitLens.Jupyter.Protocol;

namespace JitLens.Jupyter.Kernel;

/// <summary>What the kernel tells clients about itself and its language.</summary>
internal static class KernelInfo
{
    public const string Banner = "JitLens C# kernel. Put %%inspect on the first line of a cell to see the code each line became (%%inspect --help).";

    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "jitlens",
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = Banner,
        ["help_links"] = new JsonArray(),
    };
}
