using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Storage;

namespace Kubernetes.TestServer.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>path=value</c>, <c>path==value</c>, <c>path!=value</c>, comma-separated.
/// Any dotted path into the object is accepted (a real server allows a few per kind).
/// </summary>
public sealed class FieldSelector
{
    private readonly List<(string[] Path, string Value, bool Equal)> _terms = [];

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (op, index) = raw.Contains("!=", StringComparison.Ordinal) ? ("!=", raw.IndexOf("!=", StringComparison.Ordinal))
                : raw.Contains("==", StringComparison.Ordinal) ? ("==", raw.IndexOf("==", StringComparison.Ordinal))
                : ("=", raw.IndexOf('=', StringComparison.Ordinal));
            if (index <= 0)
            {
                throw ApiException.BadRequest($"invalid selector: '{raw}'; can't understand '{raw}'");
            }

            selector._terms.Add((raw[..index].Split('.'), raw[(index + op.Length)..], op != "!="));
        }

        return selector;
    }

    /// <summary>The single name a <c>metadata.name=x</c> selector pins, which kubectl uses to watch one object.</summary>
    public string? PinnedName => _terms.FirstOrDefault(t => t.Equal && t.Path is ["metadata", "name"]).Value;

    public bool Matches(JsonObject obj) => _terms.All(t => (obj.At(t.Path).Text() == t.Value) == t.Equal);
}
