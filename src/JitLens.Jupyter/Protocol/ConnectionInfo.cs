using System.Text.Json;
using System.Text.Json.Serialization;

namespace JitLens.Jupyter.Protocol;

/// <summary>The connection file Jupyter writes for a kernel: where to bind each socket and the signing key.</summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    [JsonPropertyName("iopub_port")]
    public int IopubPort { get; init; }

    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    public static ConnectionInfo Load(string path)
    {
        var info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: the connection file is empty.");
        if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
        {
            throw new InvalidDataException($"{path}: signature scheme '{info.SignatureScheme}' is not supported; use hmac-sha256.");
        }

        return info;
    }
}
