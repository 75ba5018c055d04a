using DaskOperator.Crds;

namespace DaskOperator.Hosting;

/// <summary>
/// <c>dask-operator run [--namespace NS | --all-namespaces] [--kubeconfig PATH] [--health-port N] [--no-leader-election]</c>
/// and <c>dask-operator crds --output DIR</c>; <c>dask-operator cluster ...</c> is <see cref="ClusterCommands"/>. Bad usage is one sentence on stderr and exit code 1.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: dask-operator run [--namespace NS | --all-namespaces] [--kubeconfig PATH] [--health-port N] [--no-leader-election]\n" +
        "                        [--workers N] [--log-level LEVEL]\n" +
        "       dask-operator crds --output DIR\n" +
        ClusterCommands.Usage;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "run":
                    var options = OperatorOptions.Parse(args[1..]);
                    using (var signals = new ShutdownSignals())
                    {
                        await OperatorHost.RunAsync(options, signals.Token).ConfigureAwait(false);
                    }
                    return 0;
                case "crds":
                    var output = args.Length == 3 && args[1] == "--output" ? args[2]
                        : throw new UsageException("crds needs --output DIR.");
                    foreach (var path in CrdGenerator.WriteAll(output))
                    {
                        await stdout.WriteLineAsync(path).ConfigureAwait(false);
                    }

                    return 0;
                case "cluster":
                    return await ClusterCommands.RunAsync(args[1..], stdout, stderr).ConfigureAwait(false);
                default:
                    throw new UsageException(args.Length == 0 ? "No command given." : $"Unknown command '{args[0]}'.");
            }
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"dask-operator: {e.Message}\n{Usage}").ConfigureAwait(false);
            return 1;
        }
        catch (StartupException e)
        {
            await stderr.WriteLineAsync($"dask-operator: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}

/// <summary>The command line was wrong; the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The operator cannot start (no kubeconfig, health port taken); the message says why.</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
