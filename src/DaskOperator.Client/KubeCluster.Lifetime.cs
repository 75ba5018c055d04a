using System.Globalization;
using DaskOperator.Crds;

namespace DaskOperator.Client;

public sealed partial class KubeCluster
{
    /// <summary>The DaskClusters of the namespace, with their phase and worker groups.</summary>
    public static async Task<IReadOnlyList<ClusterSummary>> ListAsync(KubeClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (api, ownsClient) = KubeConnection.Open(options ?? new KubeClusterOptions());
        try
        {
            await api.EnsureCrdsAsync(cancellationToken).ConfigureAwait(false);
            var clusters = await api.ListAsync<DaskCluster>("daskclusters", null, cancellationToken).ConfigureAwait(false);
            var groups = await api.ListAsync<DaskWorkerGroup>("daskworkergroups", null, cancellationToken).ConfigureAwait(false);
            return clusters.OrderBy(c => c.Metadata.Name, StringComparer.Ordinal).Select(c =>
            {
                var mine = groups.Where(g => g.Spec.Cluster == c.Metadata.Name)
                    .Select(g => new WorkerGroupSummary(ResourceNames.GroupShortName(c.Metadata.Name, g.Metadata.Name),
                        g.Spec.Worker.Replicas, g.Status?.ReadyReplicas ?? 0))
                    .OrderBy(g => g.Name != ResourceNames.DefaultGroup).ThenBy(g => g.Name, StringComparer.Ordinal)
                    .ToList();
                return new ClusterSummary(c.Metadata.Name, c.Status?.Phase ?? "", mine, c.Metadata.CreationTimestamp);
            }).ToList();
        }
        finally
        {
            if (ownsClient)
            {
                api.Client.Dispose();
            }
        }
    }

    /// <summary>Deletes the DaskCluster of that name (the operator removes its pods, service and groups) and waits until it is gone.</summary>
    public static async Task DeleteAsync(string name, KubeClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ResourceNames.CheckCluster(name);
        options ??= new KubeClusterOptions();
        var (api, ownsClient) = KubeConnection.Open(options);
        try
        {
            await api.EnsureCrdsAsync(cancellationToken).ConfigureAwait(false);
            if (!await api.DeleteAsync("daskclusters", name, cancellationToken).ConfigureAwait(false))
            {
                throw new ClusterNotFoundException($"There is no DaskCluster named '{name}' in namespace '{api.Namespace}'.");
            }
            await WaitUntilGoneAsync<DaskCluster>(api, "daskclusters", name, options.ResourceTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (ownsClient)
            {
                api.Client.Dispose();
            }
        }
    }

    /// <summary>Deletes this cluster now and waits until the DaskCluster is gone.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        await _api.DeleteAsync("daskclusters", Name, cancellationToken).ConfigureAwait(false);
        await WaitUntilGoneAsync<DaskCluster>(_api, "daskclusters", Name, _resourceTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the cluster if <see cref="ShutdownOnDispose"/>, then releases the Kubernetes client this object opened.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (ShutdownOnDispose)
            {
                await DeleteAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            if (_ownsClient)
            {
                _api.Client.Dispose();
            }
        }
    }

    private static async Task WaitUntilGoneAsync<T>(ClusterApi api, string plural, string name, TimeSpan timeout, CancellationToken ct)
        where T : class
    {
        // The operator's finalizers hold a cluster until its groups are gone, and a group until its workers are retired.
        var deadline = DateTime.UtcNow + timeout;
        while (await api.GetAsync<T>(plural, name, ct).ConfigureAwait(false) is not null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new KubeClusterException(
                    $"The {typeof(T).Name} '{name}' is still there {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s after its deletion: is the Dask operator running (it removes the finalizer)?");
            }
            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }
    }
}
