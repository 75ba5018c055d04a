using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DaskOperator.Hosting;

/// <summary>
/// Leader election on a coordination.k8s.io Lease, as client-go's leaderelection does it: take the lease when it is
/// free or expired, renew it every retry period, and stop leading when renewing has failed for the renew deadline.
/// A holder that is empty (see <see cref="LeaseRelease"/>) counts as free. (The AOT-safe Kubernetes client has no
/// leader election of its own.)
/// </summary>
internal sealed class LeaseElector(IKubernetes client, string ns, string name, string identity, ILogger logger)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    public event Action? OnStartedLeading;
    public event Action? OnStoppedLeading;

    /// <summary>Waits to lead, leads, and returns once leadership is lost; <paramref name="ct"/> stops it at any point.</summary>
    public async Task RunUntilLeadershipLostAsync(CancellationToken ct)
    {
        while (!await TryAcquireOrRenewAsync(ct).ConfigureAwait(false))
        {
            await Task.Delay(RetryPeriod, ct).ConfigureAwait(false);
        }

        OnStartedLeading?.Invoke();
        try
        {
            var renewed = DateTime.UtcNow;
            while (DateTime.UtcNow - renewed < RenewDeadline)
            {
                await Task.Delay(RetryPeriod, ct).ConfigureAwait(false);
                if (await TryAcquireOrRenewAsync(ct).ConfigureAwait(false))
                {
                    renewed = DateTime.UtcNow;
                }
            }
        }
        finally
        {
            OnStoppedLeading?.Invoke();
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        try
        {
            var lease = await ReadAsync(ct).ConfigureAwait(false);
            if (lease is null)
            {
                await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
                {
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                    Spec = new V1LeaseSpec
                    {
                        HolderIdentity = identity, LeaseDurationSeconds = (int)LeaseDuration.TotalSeconds,
                        AcquireTime = now, RenewTime = now, LeaseTransitions = 0,
                    },
                }, ns, cancellationToken: ct).ConfigureAwait(false);
                return true;
            }

            var spec = lease.Spec ??= new V1LeaseSpec();
            var held = !string.IsNullOrEmpty(spec.HolderIdentity) && spec.HolderIdentity != identity;
            if (held && spec.RenewTime is { } renewed && renewed.ToUniversalTime().AddSeconds(spec.LeaseDurationSeconds ?? 0) > now)
            {
                return false;
            }

            if (spec.HolderIdentity != identity)
            {
                spec.AcquireTime = now;
                spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
            }
            spec.HolderIdentity = identity;
            spec.LeaseDurationSeconds = (int)LeaseDuration.TotalSeconds;
            spec.RenewTime = now;
            // The resourceVersion read above makes a concurrent taker's write a 409: only one of us wins.
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, ns, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            logger.LogDebug("Could not take or renew the lease {Namespace}/{Name}: {Error}", ns, name, e.Message);
            return false;
        }
    }

    private async Task<V1Lease?> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
