using System.Text.RegularExpressions;
using Kubernetes.TestServer.Api;

namespace Kubernetes.TestServer.Selectors;

/// <summary>A parsed <c>labelSelector</c> query: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>.</summary>
public sealed partial class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public static LabelSelector Everything { get; } = new();

    public bool IsEmpty => _requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var part in SplitTopLevel(text))
        {
            selector._requirements.Add(ParseRequirement(part.Trim()));
        }

        return selector;
    }

    /// <summary>Builds a selector from a <c>matchLabels</c> map (as a Service's selector or a scale selector).</summary>
    public static LabelSelector FromMap(IReadOnlyDictionary<string, string> labels) =>
        Parse(string.Join(',', labels.Select(kv => $"{kv.Key}={kv.Value}")));

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part)
    {
        var set = SetRegex().Match(part);
        if (set.Success)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            return set.Groups["op"].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        var compare = CompareRegex().Match(part);
        if (compare.Success)
        {
            var key = compare.Groups["key"].Value;
            var value = compare.Groups["value"].Value;
            return compare.Groups["op"].Value == "!="
                ? labels => !labels.TryGetValue(key, out var v) || v != value
                : labels => labels.TryGetValue(key, out var v) && v == value;
        }

        var exists = ExistsRegex().Match(part);
        if (exists.Success)
        {
            var key = exists.Groups["key"].Value;
            return exists.Groups["not"].Success ? labels => !labels.ContainsKey(key) : labels => labels.ContainsKey(key);
        }

        throw ApiException.BadRequest($"unable to parse requirement: found '{part}', expected a label selector requirement");
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"^(?<key>[^\s!=,()]+)\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetRegex();

    [GeneratedRegex(@"^(?<key>[^\s!=,()]+)\s*(?<op>==|=|!=)\s*(?<value>[^\s!=,()]*)$")]
    private static partial Regex CompareRegex();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[^\s!=,()]+)$")]
    private static partial Regex ExistsRegex();
}
