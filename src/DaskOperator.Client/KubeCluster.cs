using DaskOperator.Crds;
using DaskOperator.DaskProtocol;
using k8s.Models;

namespace DaskOperator.Client;

/// <summary>
/// A Dask cluster run by the Dask operator, in the manner of dask-kubernetes' <c>KubeCluster</c>: create one (or
/// connect to one by name), scale or adapt its worker groups, add and delete groups, wait for workers, read logs.
/// Disposing it deletes the cluster when it was created with shutdown-on-dispose (the default for a cluster it created).
/// </summary>
public sealed partial class KubeCluster : IAsyncDisposable
{
    private readonly ClusterApi _api;
    private readonly bool _ownsClient;
    private readonly TimeSpan _resourceTimeout;
    private bool _disposed;

    private KubeCluster(string name, ClusterApi api, bool ownsClient, bool shutdownOnDispose, TimeSpan resourceTimeout)
    {
        Name = name;
        _api = api;
        _ownsClient = ownsClient;
        ShutdownOnDispose = shutdownOnDispose;
        _resourceTimeout = resourceTimeout;
    }

    /// <summary>The DaskCluster's name.</summary>
    public string Name { get; }

    /// <summary>The namespace the cluster lives in.</summary>
    public string Namespace => _api.Namespace;

    /// <summary>Whether disposing this object deletes the DaskCluster.</summary>
    public bool ShutdownOnDispose { get; }

    /// <summary>
    /// The scheduler's comm address, e.g. <c>tcp://10.0.0.7:8786</c>: a LoadBalancer's ingress when there is one,
    /// else the Service's ClusterIP (reachable from inside the Kubernetes network, or through <c>kubectl port-forward</c>).
    /// </summary>
    public string SchedulerAddress { get; private set; } = "";

    /// <summary>The scheduler's dashboard, when its Service has an <c>http-dashboard</c> port.</summary>
    public Uri? DashboardUri { get; private set; }

    internal SchedulerClient Scheduler { get; private set; } = new("", 0);

    /// <summary>Creates a DaskCluster and waits until its scheduler runs and answers; fails if one of that name exists.</summary>
    public static Task<KubeCluster> CreateAsync(string name, KubeClusterOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(name, options ?? new KubeClusterOptions(), create: true, connect: false, cancellationToken);

    /// <summary>Connects to an existing DaskCluster by name and waits until its scheduler answers.</summary>
    public static Task<KubeCluster> ConnectAsync(string name, KubeClusterOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(name, options ?? new KubeClusterOptions(), create: false, connect: true, cancellationToken);

    /// <summary>Connects to the DaskCluster of that name if it exists, else creates it (dask-kubernetes' default mode).</summary>
    public static Task<KubeCluster> CreateOrConnectAsync(string name, KubeClusterOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(name, options ?? new KubeClusterOptions(), create: true, connect: true, cancellationToken);

    private static async Task<KubeCluster> StartAsync(string name, KubeClusterOptions options, bool create, bool connect, CancellationToken ct)
    {
        ResourceNames.CheckCluster(name);
        var (api, ownsClient) = KubeConnection.Open(options);
        try
        {
            await api.EnsureCrdsAsync(ct).ConfigureAwait(false);
            var existing = await api.GetAsync<DaskCluster>("daskclusters", name, ct).ConfigureAwait(false);
            if (existing is not null && !connect)
            {
                throw new ClusterExistsException($"A DaskCluster named '{name}' already exists in namespace '{api.Namespace}'; connect to it instead.");
            }
            if (existing is null && !create)
            {
                throw new ClusterNotFoundException($"There is no DaskCluster named '{name}' in namespace '{api.Namespace}'.");
            }
            var created = existing is null;
            var cluster = new KubeCluster(name, api, ownsClient, options.ShutdownOnDispose ?? created, options.ResourceTimeout);
            if (created)
            {
                await api.CreateAsync("daskclusters", new DaskCluster
                {
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = api.Namespace },
                    Spec = ClusterSpecs.Cluster(name, options),
                }, ct).ConfigureAwait(false);
            }
            try
            {
                if (created || options.ConnectToScheduler)
                {
                    await cluster.WaitForSchedulerAsync(options.ConnectToScheduler, ct).ConfigureAwait(false);
                }
                else
                {
                    await cluster.ReadServiceAsync(ct).ConfigureAwait(false);
                }
            }
            catch (KubeClusterException) when (created)
            {
                // As dask-kubernetes does: a cluster that could not start is not left behind.
                await api.DeleteAsync("daskclusters", name, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            return cluster;
        }
        catch
        {
            if (ownsClient)
            {
                api.Client.Dispose();
            }

            throw;
        }
    }
}
