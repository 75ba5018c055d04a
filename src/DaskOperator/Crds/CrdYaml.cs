using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DaskOperator.Crds;

/// <summary>
/// JSON as block YAML, as kubectl and KubernetesClient write it: keys in JSON order, a string quoted only when plain
/// YAML would read it as something else (a number, a boolean, null). Built on YamlDotNet's node model, which needs no
/// reflection (the AOT-safe Kubernetes client keeps its YAML serializer internal).
/// </summary>
internal static partial class CrdYaml
{
    public static string From(JsonNode json)
    {
        var stream = new YamlStream(new YamlDocument(Node(json)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet closes the document with "...": one document per file needs no end marker.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode Node(JsonNode? json) => json switch
    {
        JsonObject o => new YamlMappingNode(o.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), Node(p.Value)))),
        JsonArray a => new YamlSequenceNode(a.Select(Node)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        null => new YamlScalarNode("null"),
        _ => new YamlScalarNode(json.ToJsonString()),
    };

    private static YamlScalarNode Scalar(string text) =>
        LooksLikeAnotherType().IsMatch(text) ? new YamlScalarNode(text) { Style = ScalarStyle.DoubleQuoted } : new YamlScalarNode(text);

    // YAML 1.1 and 1.2 nulls, booleans and numbers (KubernetesClient's StringQuotingEmitter quotes the same strings).
    [GeneratedRegex(@"^(\~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF|-?(0|[0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?)?$")]
    private static partial Regex LooksLikeAnotherType();
}
