using System.Globalization;

namespace DaskOperator.Hosting;

/// <summary>What <c>dask-operator run</c> was asked to do.</summary>
internal sealed record OperatorOptions
{
    /// <summary>The namespace to watch; null watches all namespaces.</summary>
    public string? Namespace { get; init; }
    public string? KubeConfig { get; init; }
    public int HealthPort { get; init; } = 8080;
    public bool LeaderElection { get; init; } = true;
    /// <summary>Reconciles that run at once (they mostly wait on the API server); a key is only ever reconciled by one of them.</summary>
    public int Workers { get; init; } = 16;
    /// <summary>Least severe log level written (Information by default).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
    /// <summary>Identity written into the Lease; unique per process.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    public static OperatorOptions Parse(string[] args)
    {
        var options = new OperatorOptions { Namespace = "default" };
        var allNamespaces = false;
        var namespaceGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--namespace" or "-n": options = options with { Namespace = Value() }; namespaceGiven = true; break;
                case "--all-namespaces" or "-A": allNamespaces = true; break;
                case "--kubeconfig": options = options with { KubeConfig = Value() }; break;
                case "--health-port": options = options with { HealthPort = Port(Value()) }; break;
                case "--no-leader-election": options = options with { LeaderElection = false }; break;
                case "--workers": options = options with { Workers = Math.Max(1, Port(Value())) }; break;
                case "--log-level": options = options with { LogLevel = Level(Value()) }; break;
                default: throw new UsageException($"Unknown option '{args[i]}'.");
            }
        }
        if (allNamespaces && namespaceGiven)
        {
            throw new UsageException("--namespace and --all-namespaces exclude each other.");
        }

        if (allNamespaces)
        {
            options = options with { Namespace = null };
        }
        else if (!namespaceGiven && Environment.GetEnvironmentVariable("WATCH_NAMESPACE") is { Length: > 0 } ns)
        {
            options = options with { Namespace = ns };
        }
        return options;
    }

    private static Microsoft.Extensions.Logging.LogLevel Level(string text) =>
        Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level : throw new UsageException($"'{text}' is not a log level (Trace, Debug, Information, Warning, Error).");

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535
            ? n : throw new UsageException($"'{text}' is not a number from 0 to 65535.");
}
