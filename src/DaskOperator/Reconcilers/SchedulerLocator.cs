using DaskOperator.Controller;
using DaskOperator.DaskProtocol;

namespace DaskOperator.Reconcilers;

/// <summary>
/// Finds a cluster's scheduler through its Service: spec.clusterIP and the comm port. That address works from
/// inside the cluster and from the test cluster alike, without relying on cluster DNS.
/// </summary>
internal sealed class SchedulerLocator(KubeApi api)
{
    /// <summary>A client for the cluster's scheduler, or null when its service has no usable address yet.</summary>
    public async Task<SchedulerClient?> ForClusterAsync(string ns, string cluster, CancellationToken ct)
    {
        var service = await api.GetServiceAsync(ns, PodTemplates.SchedulerName(cluster), ct).ConfigureAwait(false);
        var ip = service?.Spec?.ClusterIP;
        if (string.IsNullOrEmpty(ip) || ip == "None")
        {
            return null;
        }

        return new SchedulerClient(ip, PodTemplates.CommPort(service!.Spec));
    }
}
