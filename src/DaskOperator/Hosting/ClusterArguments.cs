using System.Globalization;
using DaskOperator.Client;

namespace DaskOperator.Hosting;

/// <summary>
/// The words and options after <c>dask-operator cluster SUBCOMMAND</c>: positional names, <c>--flag VALUE</c> pairs
/// (repeatable ones such as <c>--env</c> keep every value) and bare switches. Each subcommand says which it accepts.
/// </summary>
internal sealed class ClusterArguments
{
    private static readonly HashSet<string> Switches = ["--no-wait"];

    private readonly Dictionary<string, List<string>> _options = [];
    private readonly HashSet<string> _used = [];

    private ClusterArguments(List<string> positional) => Positional = positional;

    public List<string> Positional { get; }

    public static ClusterArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ClusterArguments([]);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                parsed.Positional.Add(arg);
                continue;
            }
            var flag = arg == "-n" ? "--namespace" : arg;
            var value = Switches.Contains(flag) ? ""
                : i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value.");
            if (!parsed._options.TryGetValue(flag, out var values))
            {
                parsed._options[flag] = values = [];
            }

            values.Add(value);
        }
        return parsed;
    }

    public string? Text(string flag)
    {
        _used.Add(flag);
        return _options.TryGetValue(flag, out var values) ? values[^1] : null;
    }

    public IReadOnlyList<string> All(string flag)
    {
        _used.Add(flag);
        return _options.TryGetValue(flag, out var values) ? values : [];
    }

    public bool Has(string flag) => Text(flag) is not null;

    public int? Number(string flag) => Text(flag) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new UsageException($"{flag} needs a whole number, not '{text}'.")
        : null;

    /// <summary><c>KEY=VALUE</c> pairs from every use of a repeatable flag (and comma-separated within one).</summary>
    public Dictionary<string, string>? Pairs(string flag)
    {
        var values = All(flag).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return values.ToDictionary(
            v => v.Contains('=', StringComparison.Ordinal) && v.IndexOf('=', StringComparison.Ordinal) > 0 ? v[..v.IndexOf('=', StringComparison.Ordinal)]
                : throw new UsageException($"{flag} takes KEY=VALUE, not '{v}'."),
            v => v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    }

    /// <summary>The positional words this subcommand takes, by name; a missing or extra one is a usage error.</summary>
    public string[] Names(string subcommand, params string[] names)
    {
        if (Positional.Count != names.Length)
        {
            throw new UsageException(Positional.Count < names.Length
                ? $"cluster {subcommand} needs {string.Join(" and ", names.Skip(Positional.Count))}."
                : $"cluster {subcommand} takes {names.Length} name(s), not '{string.Join(' ', Positional)}'.");
        }
        return [.. Positional];
    }

    /// <summary>
    /// Where the cluster lives, from <c>--namespace</c>, <c>--kubeconfig</c> and <c>--timeout SECONDS</c>. Managing a
    /// cluster needs only the API server; the commands that wait for workers turn the scheduler connection back on.
    /// </summary>
    public KubeClusterOptions Connection() => new()
    {
        ConnectToScheduler = false,
        Namespace = Text("--namespace"),
        KubeConfigPath = Text("--kubeconfig"),
        ResourceTimeout = TimeSpan.FromSeconds(Number("--timeout") ?? 120),
        ShutdownOnDispose = false,
    };

    /// <summary>Fails on an option the subcommand did not read, so a typo is not silently ignored.</summary>
    public void EnsureAllUsed(string subcommand)
    {
        var unknown = _options.Keys.FirstOrDefault(k => !_used.Contains(k));
        if (unknown is not null)
        {
            throw new UsageException($"cluster {subcommand} does not take {unknown}.");
        }
    }
}
