using DaskOperator.Client;
using DaskOperator.Tests.Support;

namespace DaskOperator.Client.Tests;

/// <summary>
/// One test API server with the CRDs and the real operator (namespace <c>default</c>) for every client and CLI test:
/// each test makes its own Dask cluster by name; real Dask processes make them run one at a time.
/// </summary>
public sealed class ClientCluster : IAsyncLifetime
{
    private DaskTestCluster? _k8s;

    public DaskTestCluster K8s => _k8s ?? throw new InvalidOperationException(DaskTestCluster.MissingReason);

    /// <summary>Options aimed at the test server; one thread per worker keeps the 2-core CI machine usable.</summary>
    public KubeClusterOptions Options(int workers = 1, string ns = "default") => new()
    {
        KubeConfigPath = K8s.Cluster.KubeconfigPath,
        Namespace = ns,
        Workers = workers,
        ThreadsPerWorker = 1,
        ResourceTimeout = DaskTestCluster.Patience,
    };

    public async Task InitializeAsync()
    {
        if (!DaskTestCluster.IsMissing)
        {
            _k8s = await DaskTestCluster.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_k8s is not null)
        {
            await _k8s.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClientClusterGroup : ICollectionFixture<ClientCluster>
{
    public const string Name = "Client end to end";
}
