using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace DaskOperator.Hosting;

/// <summary>
/// Gives up the leader Lease on a clean stop, as client-go's ReleaseOnCancel does: the holder is emptied and
/// the duration shortened, so a standby takes over at its next retry instead of waiting for the lease to expire.
/// Only a lease we still hold is touched; the resourceVersion makes a concurrent takeover win.
/// </summary>
internal static class LeaseRelease
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<bool> ReleaseAsync(IKubernetes client, string ns, string name, string identity, ILogger logger)
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: cts.Token).ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != identity)
            {
                return false;
            }
            // Empty, as client-go's ReleaseOnCancel leaves it: every elector, ours included, reads an empty holder as free.
            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = DateTime.UtcNow;
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, ns, cancellationToken: cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            // The lease then expires on its own; a standby takes over after its duration.
            logger.LogWarning("Could not release the lease {Namespace}/{Name}: {Error}", ns, name, e.Message);
            return false;
        }
    }
}
