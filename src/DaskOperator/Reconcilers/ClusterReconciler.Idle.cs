using System.Globalization;
using DaskOperator.Crds;
using DaskOperator.DaskProtocol;
using k8s.Models;

namespace DaskOperator.Reconcilers;

internal sealed partial class ClusterReconciler
{
    /// <summary>
    /// spec.idleTimeout: a cluster whose scheduler has had no task processing for that many seconds is deleted.
    /// The start of the idle stretch is kept in status.idleSince, so an operator restart does not reset it.
    /// An unreachable scheduler neither starts nor ends a stretch.
    /// </summary>
    private async Task<(string? Since, bool Expired)> CheckIdleAsync(DaskCluster cluster, V1Pod? scheduler, CancellationToken ct)
    {
        var since = cluster.Status?.IdleSince;
        if (cluster.Spec.IdleTimeout <= 0)
        {
            return (null, false);
        }

        if (scheduler?.IsRunning() != true)
        {
            return (since, false);
        }

        var client = await schedulers.ForClusterAsync(cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, ct).ConfigureAwait(false);
        if (client is null)
        {
            return (since, false);
        }

        try
        {
            if (!await client.IsIdleAsync(ct).ConfigureAwait(false))
            {
                return (null, false);
            }
        }
        catch (DaskProtocolException)
        {
            return (since, false);
        }
        var now = DateTime.UtcNow;
        if (since is null || !DateTime.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            return (now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), false);
        }
        if (now - start < TimeSpan.FromSeconds(cluster.Spec.IdleTimeout))
        {
            return (since, false);
        }

        await events.NormalAsync(cluster, "IdleTimeout",
            $"The scheduler has been idle since {since}, longer than idleTimeout {cluster.Spec.IdleTimeout}s; deleting the cluster.", ct).ConfigureAwait(false);
        await api.DeleteAsync("daskclusters", cluster.Metadata.NamespaceProperty, cluster.Metadata.Name, ct).ConfigureAwait(false);
        return (since, true);
    }

    private static TimeSpan IdlePoll(DaskCluster cluster) => TimeSpan.FromSeconds(Math.Clamp(cluster.Spec.IdleTimeout / 4.0, 1, 5));
}
