using System.Net.Http;
using DaskOperator.Client;
using k8s.Autorest;

namespace DaskOperator.Hosting;

/// <summary>
/// <c>dask-operator cluster create|list|scale|adapt|add-group|delete-group|logs|delete</c>: the client library
/// (<see cref="KubeCluster"/>) for people who do not write code. Errors are one sentence and exit code 1.
/// </summary>
internal static partial class ClusterCommands
{
    public const string Usage =
        "       dask-operator cluster create NAME [--workers N] [--image IMAGE] [--threads N] [--env K=V]... [--worker-command CMD]\n" +
        "                                     [--service-type TYPE] [--idle-timeout SECONDS] [--no-wait]\n" +
        "       dask-operator cluster list\n" +
        "       dask-operator cluster scale NAME N [--group GROUP] [--no-wait]\n" +
        "       dask-operator cluster adapt NAME --minimum N --maximum N [--group GROUP]\n" +
        "       dask-operator cluster add-group NAME GROUP [--workers N] [--image IMAGE] [--threads N] [--resources GPU=1,...]\n" +
        "                                     [--gpus N] [--env K=V]... [--worker-command CMD] [--no-wait]\n" +
        "       dask-operator cluster delete-group NAME GROUP\n" +
        "       dask-operator cluster logs NAME\n" +
        "       dask-operator cluster delete NAME\n" +
        "       (every cluster command: [--namespace NS] [--kubeconfig PATH] [--timeout SECONDS])";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var subcommand = args.FirstOrDefault() ?? throw new UsageException("cluster needs a subcommand.");
        var parsed = ClusterArguments.Parse(args[1..]);
        using var cancel = new CancellationTokenSource();
        void OnCancelKey(object? _, ConsoleCancelEventArgs e) { e.Cancel = true; cancel.Cancel(); }
        Console.CancelKeyPress += OnCancelKey;
        try
        {
            Func<Task> command = subcommand switch
            {
                "create" => () => CreateAsync(parsed, stdout, cancel.Token),
                "list" => () => ListAsync(parsed, stdout, cancel.Token),
                "scale" => () => ScaleAsync(parsed, stdout, cancel.Token),
                "adapt" => () => AdaptAsync(parsed, stdout, cancel.Token),
                "add-group" => () => AddGroupAsync(parsed, stdout, cancel.Token),
                "delete-group" => () => DeleteGroupAsync(parsed, stdout, cancel.Token),
                "logs" => () => LogsAsync(parsed, stdout, cancel.Token),
                "delete" => () => DeleteAsync(parsed, stdout, cancel.Token),
                _ => throw new UsageException($"Unknown cluster command '{subcommand}'."),
            };
            await command().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (Sentence(e, cancel.Token) is { } sentence)
        {
            await stderr.WriteLineAsync($"dask-operator: {sentence}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKey;
        }
    }

    /// <summary>The one sentence for an error a user can act on; null lets anything else (a bug) surface.</summary>
    private static string? Sentence(Exception e, CancellationToken cancel) => e switch
    {
        KubeClusterException => e.Message,
        HttpOperationException refused => $"The Kubernetes API server refused the request ({(int)refused.Response.StatusCode}): {Reason(refused)}",
        HttpRequestException => $"Cannot reach the Kubernetes API server: {e.Message}",
        OperationCanceledException when cancel.IsCancellationRequested => "Stopped (Ctrl+C); what was already asked of Kubernetes stays asked.",
        _ => null,
    };

    /// <summary>The Status message of a refused request (what kubectl would print), else the HTTP reason.</summary>
    private static string Reason(HttpOperationException e)
    {
        try
        {
            using var status = System.Text.Json.JsonDocument.Parse(e.Response.Content);
            if (status.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? e.Message;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status object: fall back to the reason phrase.
        }
        return e.Response.ReasonPhrase ?? e.Message;
    }
}
