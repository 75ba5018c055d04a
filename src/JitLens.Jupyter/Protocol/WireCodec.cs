using System.Text;
using System.Text.Json.Nodes;

namespace JitLens.Jupyter.Protocol;

/// <summary>
/// Turns frames into messages and back: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent, metadata, content, buffers…]</c>.
/// A message whose signature does not match is refused here, before anything can act on it.
/// </summary>
public sealed class WireCodec
{
    private static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");
    private readonly MessageSigner _signer;

    public WireCodec(MessageSigner signer)
    {
        _signer = signer;
    }

    public IReadOnlyList<byte[]> Encode(JupyterMessage message)
    {
        var parts = new[]
        {
            Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content),
        };
        var frames = new List<byte[]>(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(_signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>The message, or null with the reason when it is malformed or its signature is wrong.</summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string? rejection)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            rejection = "malformed message: no <IDS|MSG> delimiter followed by a signature and four parts";
            return null;
        }

        var parts = frames.Skip(delimiter + 2).Take(4).ToList();
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        if (!_signer.Verify(signature, parts))
        {
            rejection = "invalid signature";
            return null;
        }

        try
        {
            rejection = null;
            return new JupyterMessage
            {
                Identities = frames.Take(delimiter).ToList(),
                Header = Parse(parts[0]),
                ParentHeader = Parse(parts[1]),
                Metadata = Parse(parts[2]),
                Content = Parse(parts[3]),
                Buffers = frames.Skip(delimiter + 6).ToList(),
            };
        }
        catch (System.Text.Json.JsonException e)
        {
            rejection = "malformed JSON: " + e.Message;
            return null;
        }
    }

    private static byte[] Json(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonObject Parse(byte[] bytes) => JsonNode.Parse(bytes) as JsonObject ?? [];
}
