using System.Text.Json.Nodes;
using Kubernetes.TestServer.Api;
using Kubernetes.TestServer.Controllers;
using Kubernetes.TestServer.Kubelet;
using Kubernetes.TestServer.Networking;
using Kubernetes.TestServer.Resources;
using Kubernetes.TestServer.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubernetes.TestServer;

/// <summary>
/// A Kubernetes API server for tests, on 127.0.0.1 and a free port, with a kubeconfig for kubectl and clients.
/// <code>await using var cluster = await TestCluster.StartAsync();</code>
/// </summary>
public sealed partial class TestCluster : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _ownsWorkDirectory;
    private readonly NodeKubelet _kubelet;
    private readonly ServiceProxy _proxy;
    private ApiServer? _server;

    private TestCluster(TestClusterOptions options)
    {
        Options = options;
        _ownsWorkDirectory = options.WorkDirectory is null;
        WorkDirectory = options.WorkDirectory ?? Directory.CreateTempSubdirectory("k8s-test-").FullName;
        Directory.CreateDirectory(WorkDirectory);
        Store = new ObjectStore(options.HistoryLimit);
        Registry = new ResourceRegistry();
        var clusterIps = new AddressPool(192, 254);
        Service = new ResourceService(Store, Registry,
        [
            new CustomResourceDefinitionHooks(Registry, () => Service!),
            new NamespaceHooks(),
            new ServiceHooks(clusterIps),
            new PodHooks(),
        ]);
        Dns = new ClusterDns(Store);
        _kubelet = new NodeKubelet(Service, new AddressPool(64, 191), Dns, options.Kubelet, Path.Combine(WorkDirectory, "pods"));
        _proxy = new ServiceProxy(Store);
    }

    public TestClusterOptions Options { get; }

    /// <summary>The API server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url => _server?.Url ?? throw new InvalidOperationException("the cluster is not started");

    /// <summary>A kubeconfig file for this server (context <c>kubernetes-test-server</c>, namespace default).</summary>
    public string KubeconfigPath => Path.Combine(WorkDirectory, "kubeconfig");

    public string WorkDirectory { get; }

    /// <summary>The server's API semantics, for tests that set up or inspect state without HTTP.</summary>
    public ResourceService Service { get; }

    public ObjectStore Store { get; }

    public ResourceRegistry Registry { get; }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Service name resolution as pods get it, for code that runs in the test process (an operator).</summary>
    public ClusterDns Dns { get; }

    public static async Task<TestCluster> StartAsync(TestClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        var cluster = new TestCluster(options ?? new TestClusterOptions());
        try
        {
            await cluster.StartPartsAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the real kubectl against this cluster and returns what it printed.</summary>
    public Task<KubectlResult> RunKubectlAsync(params string[] args) => RunKubectlAsync(args, null, CancellationToken.None);

    public Task<KubectlResult> RunKubectlAsync(IEnumerable<string> args, string? standardInput, CancellationToken cancellationToken = default)
    {
        var kubectl = Kubectl.Locate() ?? throw new InvalidOperationException("kubectl not found: run scripts/setup.sh (it installs .tools/bin/kubectl) or set KUBECTL");
        return Kubectl.RunAsync(kubectl, KubeconfigPath, Path.Combine(WorkDirectory, "kubectl-cache"), args, standardInput, cancellationToken);
    }

    /// <summary>
    /// Breaks every open client watch, as a restarting API server or a flaky network would: the connections are
    /// reset, or with <paramref name="abortConnections"/> false the streams end cleanly (as a watch timeout ends them).
    /// Returns how many watches were dropped.
    /// </summary>
    public int DropWatches(bool abortConnections = true) => Store.DropWatches(abortConnections);

    /// <summary>Forgets the change history: resuming a watch from any earlier resource version now gets 410 Gone.</summary>
    public void CompactHistory() => Store.Compact();

    /// <summary>The local processes behind the pods' containers.</summary>
    public IReadOnlyList<PodProcessInfo> PodProcesses(string? ns = null, string? pod = null) =>
        [.. _kubelet.Processes().Where(p => (ns is null || p.Namespace == ns) && (pod is null || p.Pod == pod))];

    /// <summary>SIGKILLs a pod's container (the first when none is named) to simulate a crash; false when nothing runs.</summary>
    public bool KillPodProcess(string ns, string pod, string? container = null) => _kubelet.Kill(ns, pod, container);

    /// <summary>What a pod's container has printed so far (stdout and stderr), or null when it never ran.</summary>
    public string? GetPodLogs(string ns, string pod, string? container = null, bool previous = false) => _kubelet.ReadLog(ns, pod, container, previous);

    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        foreach (var ns in Namespaces.Initial.Concat(Options.Namespaces))
        {
            Service.Create(BuiltinResources.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }

        Service.Create(BuiltinResources.Nodes, null, Node.Describe(PodHooks.NodeName));
        var logger = LoggerFactory.CreateLogger<TestCluster>();
        _parts.Add(_proxy);
        _parts.Add(_kubelet);
        _parts.Add(new ControllerLoop(Store, new GarbageCollector(Service).HandleAsync, logger));
        _parts.Add(new ControllerLoop(Store, new NamespaceController(Service).HandleAsync, logger));
        if (Options.RunPods)
        {
            _parts.Add(new ControllerLoop(Store, _kubelet.HandleAsync, logger));
        }

        _parts.Add(new ControllerLoop(Store, _proxy.HandleAsync, logger));
        _parts.Add(new ControllerLoop(Store, new EndpointsController(Service).HandleAsync, logger));
        _ = SendBookmarksAsync(_stopping.Token);
        _server = await ApiServer.StartAsync(() => new ApiHandler(Service, () => $"{Url.Host}:{Url.Port}", _kubelet), cancellationToken);
        await File.WriteAllTextAsync(KubeconfigPath, Kubeconfig.Render(Url), cancellationToken);
    }

    private async Task SendBookmarksAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Options.BookmarkInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Store.SendBookmarks();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var part in Enumerable.Reverse(_parts))
        {
            await part.DisposeAsync();
        }

        _stopping.Dispose();
        if (_ownsWorkDirectory)
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process we could not stop still holds a file: leave the temp directory behind.
            }
        }
    }
}
