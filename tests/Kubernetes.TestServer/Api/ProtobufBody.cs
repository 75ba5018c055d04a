using System.Text;
using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Api;

/// <summary>
/// Reads the protobuf bodies kubectl's typed commands send (<c>kubectl create namespace|configmap|secret|serviceaccount</c>):
/// the <c>k8s\0</c> envelope around <c>runtime.Unknown</c>, then the object's metadata and data fields.
/// Other kinds in protobuf are refused with 415; every response is JSON, which clients accept. DeleteOptions, which
/// client-go sends as protobuf when deleting a core object (helm deleting its release Secrets), is read too.
/// </summary>
public static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(ResourceType type, byte[] body)
    {
        var raw = Raw(body);
        var obj = new JsonObject();
        foreach (var (number, bytes) in Fields(raw))
        {
            switch (type.Kind, number)
            {
                case (_, 1):
                    obj["metadata"] = Metadata(bytes);
                    break;
                case ("ConfigMap", 2):
                    obj.Obj("data").Add(MapEntry(bytes, base64: false));
                    break;
                case ("ConfigMap", 3):
                case ("Secret", 2):
                    obj.Obj(type.Kind == "Secret" ? "data" : "binaryData").Add(MapEntry(bytes, base64: true));
                    break;
                case ("Secret", 3):
                    obj["type"] = Text(bytes);
                    break;
                case ("Secret", 4):
                    obj.Obj("stringData").Add(MapEntry(bytes, base64: false));
                    break;
                case ("Namespace" or "ServiceAccount", _):
                    // Spec and status of a new namespace, secrets of a service account: defaulted by the server.
                    break;
                default:
                    throw Unsupported(type);
            }
        }

        return type.Kind is "Namespace" or "ConfigMap" or "Secret" or "ServiceAccount" ? obj : throw Unsupported(type);
    }

    /// <summary>A <c>meta.k8s.io/v1 DeleteOptions</c> in the envelope, as the JSON body it stands for.</summary>
    public static JsonObject DecodeDeleteOptions(byte[] body)
    {
        var options = new JsonObject();
        foreach (var (number, bytes, number64) in Entries(Raw(body)))
        {
            switch (number)
            {
                case 1:
                    options["gracePeriodSeconds"] = (long)(number64 ?? 0);
                    break;
                case 2:
                    var preconditions = Fields(bytes).ToDictionary(f => f.Number, f => Text(f.Bytes));
                    options["preconditions"] = new JsonObject
                    {
                        ["uid"] = preconditions.GetValueOrDefault(1),
                        ["resourceVersion"] = preconditions.GetValueOrDefault(2),
                    };
                    break;
                case 3:
                    options["orphanDependents"] = number64 is > 0;
                    break;
                case 4:
                    options["propagationPolicy"] = Text(bytes);
                    break;
                case 5:
                    ((options["dryRun"] ??= new JsonArray()) as JsonArray)!.Add(Text(bytes));
                    break;
                default:
                    break;
            }
        }

        return options;
    }

    private static ReadOnlyMemory<byte> Raw(byte[] body)
    {
        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw ApiException.BadRequest("the protobuf body does not start with the k8s envelope");
        }

        return Fields(body.AsMemory(Magic.Length)).FirstOrDefault(f => f.Number == 2).Bytes;
    }

    private static JsonObject Metadata(ReadOnlyMemory<byte> bytes)
    {
        var metadata = new JsonObject();
        foreach (var (number, value) in Fields(bytes).Where(f => f.Bytes.Length > 0))
        {
            switch (number)
            {
                case 1:
                    metadata["name"] = Text(value);
                    break;
                case 2:
                    metadata["generateName"] = Text(value);
                    break;
                case 3:
                    metadata["namespace"] = Text(value);
                    break;
                case 11:
                    metadata.Obj("labels").Add(MapEntry(value, base64: false));
                    break;
                case 12:
                    metadata.Obj("annotations").Add(MapEntry(value, base64: false));
                    break;
                case 14:
                    ((metadata["finalizers"] ??= new JsonArray()) as JsonArray)!.Add(Text(value));
                    break;
                default:
                    break;
            }
        }

        return metadata;
    }

    private static KeyValuePair<string, JsonNode?> MapEntry(ReadOnlyMemory<byte> bytes, bool base64)
    {
        var fields = Fields(bytes).ToList();
        var key = Text(fields.FirstOrDefault(f => f.Number == 1).Bytes);
        var value = fields.FirstOrDefault(f => f.Number == 2).Bytes;
        return KeyValuePair.Create(key, (JsonNode?)(base64 ? Convert.ToBase64String(value.Span) : Text(value)));
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>The length-delimited fields of a message (numbers, strings, bytes and sub-messages); scalars are skipped.</summary>
    private static IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message) =>
        Entries(message).Where(e => e.Varint is null).Select(e => (e.Number, e.Bytes));

    /// <summary>Every field of a message: length-delimited ones with their bytes, varints with their value.</summary>
    private static IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes, ulong? Varint)> Entries(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return (number, ReadOnlyMemory<byte>.Empty, Varint(message.Span, ref position));
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref position);
                    yield return (number, message.Slice(position, length), null);
                    position += length;
                    break;
                default:
                    throw ApiException.BadRequest($"unsupported protobuf wire type {key & 7}");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw ApiException.BadRequest("truncated protobuf body");
    }

    private static ApiException Unsupported(ResourceType type) =>
        new(415, "UnsupportedMediaType", $"this test server reads protobuf only for namespaces, configmaps, secrets and serviceaccounts, not {type.Plural}: send JSON (kubectl apply -f or create -f)");
}
