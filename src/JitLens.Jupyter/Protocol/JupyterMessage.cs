using System.Globalization;
using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Protocol;

/// <summary>One Jupyter message: routing identities, the four JSON parts and optional binary buffers.</summary>
public sealed class JupyterMessage
{
    public const string ProtocolVersion = "5.3";

    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    public required JsonObject Header { get; init; }

    public JsonObject ParentHeader { get; init; } = [];

    public JsonObject Metadata { get; init; } = [];

    public JsonObject Content { get; init; } = [];

    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    public string MessageType => (string?)Header["msg_type"] ?? string.Empty;

    public string MessageId => (string?)Header["msg_id"] ?? string.Empty;

    public string Session => (string?)Header["session"] ?? string.Empty;

    /// <summary>A message caused by this one: same session and identities, this header as parent.</summary>
    public JupyterMessage Reply(string messageType, JsonObject content) => new()
    {
        Identities = Identities,
        Header = NewHeader(messageType, Session, (string?)Header["username"] ?? "kernel"),
        ParentHeader = (JsonObject)Header.DeepClone(),
        Content = content,
    };

    public static JsonObject NewHeader(string messageType, string session, string username = "kernel") => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = username,
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffK", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}
