using System.Text.Json;
using Kubernetes.TestServer;

namespace DaskOperator.Tests.Support;

/// <summary>
/// A test Kubernetes API server with our CRDs applied by the real kubectl and the operator running against it;
/// helpers read state back through kubectl, as a user would.
/// </summary>
public sealed class DaskTestCluster : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private DaskTestCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }
    public RunningOperator? Operator { get; private set; }

    public static bool IsMissing => PythonDask.IsMissing || Repository.Tool("kubectl") is null;
    public const string MissingReason = "Needs Debian's python3-distributed and kubectl (scripts/setup.sh installs both).";

    public static async Task<DaskTestCluster> StartAsync(bool startOperator = true)
    {
        var cluster = await TestCluster.StartAsync();
        var dask = new DaskTestCluster(cluster);
        try
        {
            await dask.KubectlAsync("apply", "-f", Repository.Path("charts", "dask-operator", "crds"));
            if (startOperator)
            {
                dask.StartOperator();
            }

            return dask;
        }
        catch
        {
            await dask.DisposeAsync();
            throw;
        }
    }

    public RunningOperator StartOperator(bool leaderElection = false) =>
        Operator = RunningOperator.Start(Cluster.KubeconfigPath, leaderElection: leaderElection);

    public async Task StopOperatorAsync()
    {
        if (Operator is not null)
        {
            await Operator.DisposeAsync();
        }

        Operator = null;
    }

    public async Task<string> KubectlAsync(params string[] args) =>
        (await Cluster.RunKubectlAsync(args)).EnsureSuccess().StandardOutput;

    public async Task ApplyAsync(string yaml) =>
        (await Cluster.RunKubectlAsync(["apply", "-f", "-"], yaml)).EnsureSuccess();

    /// <summary>Applies one of the test's resource files (tests/DaskOperator.Tests/Resources) with kubectl, unchanged.</summary>
    public Task<string> ApplyFileAsync(string file) => KubectlAsync("apply", "-f", ResourceFile(file));

    public static string ResourceFile(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Resources", file);

    /// <summary>The Events recorded on an object, oldest first, as (reason, message).</summary>
    public async Task<List<(string Reason, string Message)>> EventsAsync(string name)
    {
        var list = await GetJsonAsync("get", "events", "--field-selector", $"involvedObject.name={name}");
        // Timestamps have whole seconds; the resourceVersion orders writes.
        return list.GetProperty("items").EnumerateArray()
            .OrderBy(e => long.Parse(e.GetProperty("metadata").GetProperty("resourceVersion").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => (e.GetProperty("reason").GetString() ?? "", e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : ""))
            .ToList();
    }

    /// <summary>A JSONPath of an object, as <c>kubectl get -o jsonpath</c> prints it.</summary>
    public Task<string> JsonPathAsync(string resource, string name, string path) => KubectlAsync("get", resource, name, "-o", $"jsonpath={path}");

    public async Task<JsonElement> GetJsonAsync(params string[] args) =>
        JsonDocument.Parse(await KubectlAsync([.. args, "-o", "json"])).RootElement;

    /// <summary>Worker pods of a group that are not being deleted, with their phase.</summary>
    public async Task<List<(string Name, string Phase, JsonElement Pod)>> WorkerPodsAsync(string group)
    {
        var list = await GetJsonAsync("get", "pods", "-l", $"dask.org/workergroup-name={group}");
        return list.GetProperty("items").EnumerateArray()
            .Where(p => !p.GetProperty("metadata").TryGetProperty("deletionTimestamp", out _))
            .Select(p => (p.GetProperty("metadata").GetProperty("name").GetString()!,
                          p.TryGetProperty("status", out var s) && s.TryGetProperty("phase", out var ph) ? ph.GetString() ?? "" : "",
                          p))
            .ToList();
    }

    public async Task<List<string>> RunningWorkersAsync(string group) =>
        (await WorkerPodsAsync(group)).Where(p => p.Phase == "Running").Select(p => p.Name).Order().ToList();

    /// <summary>The scheduler address a client outside the pods uses: the service's ClusterIP and comm port.</summary>
    public async Task<string> SchedulerAddressAsync(string cluster)
    {
        var ip = await KubectlAsync("get", "service", $"{cluster}-scheduler", "-o", "jsonpath={.spec.clusterIP}");
        return $"tcp://{ip.Trim()}:8786";
    }

    /// <summary>Waits until the scheduler service exists and the scheduler lists this many workers.</summary>
    public async Task WaitForSchedulerWorkersAsync(string cluster, int count)
    {
        await Eventually.WaitAsync(async () =>
        {
            var address = await SchedulerAddressAsync(cluster);
            var hostPort = address["tcp://".Length..].Split(':');
            var client = new DaskOperator.DaskProtocol.SchedulerClient(hostPort[0], int.Parse(hostPort[1], System.Globalization.CultureInfo.InvariantCulture));
            return (await client.WorkersAsync(default)).Count;
        }, n => n == count, Patience, $"{count} workers registered with {cluster}'s scheduler");
    }

    public static Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what) => Eventually.WaitAsync(probe, done, Patience, what);

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await Cluster.DisposeAsync();
    }
}
