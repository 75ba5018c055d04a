using k8s.Autorest;

namespace DaskOperator.Client;

public sealed partial class KubeCluster
{
    /// <summary>The log of every pod of the cluster (scheduler first, then workers), by pod name, as dask-kubernetes' <c>get_logs</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetLogsAsync(CancellationToken cancellationToken = default)
    {
        var pods = (await _api.ListPodsAsync($"dask.org/cluster-name={Name}", cancellationToken).ConfigureAwait(false))
            .OrderBy(p => p.Metadata.Name != ResourceNames.Scheduler(Name))
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
        var logs = new Dictionary<string, string>();
        foreach (var pod in pods)
        {
            if (pod.Status?.Phase != "Running")
            {
                logs[pod.Metadata.Name] = $"Cannot find logs. Pod is {PodState(pod)}.";
                continue;
            }
            try
            {
                logs[pod.Metadata.Name] = await _api.ReadLogAsync(pod.Metadata.Name, null, previous: false, null, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e)
            {
                logs[pod.Metadata.Name] = $"Cannot read logs: {e.Response.ReasonPhrase}.";
            }
        }
        return logs;
    }
}
