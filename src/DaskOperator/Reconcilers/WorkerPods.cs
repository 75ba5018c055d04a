using DaskOperator.DaskProtocol;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>Which scheduler worker runs in which pod: by worker name (= pod name, via DASK_WORKER_NAME), else by pod IP.</summary>
internal static class WorkerPods
{
    public static Dictionary<string, V1Pod> Match(IEnumerable<V1Pod> pods, IEnumerable<SchedulerWorker> workers)
    {
        var podList = pods.ToList();
        var byName = podList.ToDictionary(p => p.Metadata.Name);
        var byIp = podList.Where(p => !string.IsNullOrEmpty(p.Status?.PodIP)).GroupBy(p => p.Status.PodIP)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var result = new Dictionary<string, V1Pod>();
        foreach (var worker in workers)
        {
            if (byName.TryGetValue(worker.Name, out var pod) || byIp.TryGetValue(worker.Host, out pod))
            {
                result[worker.Address] = pod;
            }
        }
        return result;
    }

    public static TimeSpan RunningFor(V1Pod pod) =>
        pod.Status?.StartTime is { } started ? DateTime.UtcNow - started.ToUniversalTime() : TimeSpan.Zero;
}
