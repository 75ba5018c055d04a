using System.Text.RegularExpressions;

namespace DaskOperator.Client;

/// <summary>
/// The names the operator derives, as dask-kubernetes derives them: <c>{cluster}-scheduler</c> (a Service, so a
/// DNS-1035 label) and <c>{cluster}-{group}</c> (a label value of every worker pod, so at most 63 characters).
/// </summary>
internal static partial class ResourceNames
{
    private const int MaxLabel = 63;

    public const string DefaultGroup = "default";

    public static string Scheduler(string cluster) => $"{cluster}-scheduler";

    public static string WorkerGroup(string cluster, string group) => $"{cluster}-{group}";

    /// <summary>A group's short name: its DaskWorkerGroup's name without the <c>{cluster}-</c> prefix (a user may have named it otherwise).</summary>
    public static string GroupShortName(string cluster, string workerGroup) =>
        workerGroup.StartsWith(cluster + "-", StringComparison.Ordinal) ? workerGroup[(cluster.Length + 1)..] : workerGroup;

    /// <summary>The DaskAutoscaler of a group: named like the cluster for the default group, as dask-kubernetes does.</summary>
    public static string Autoscaler(string cluster, string group) => group == DefaultGroup ? cluster : WorkerGroup(cluster, group);

    public static void CheckCluster(string name)
    {
        var limit = MaxLabel - "-scheduler".Length;
        if (name is null || !Label().IsMatch(name) || name.Length > limit)
        {
            throw new InvalidNameException(
                $"'{name}' is not a valid cluster name: use at most {limit} lowercase letters, digits and '-', starting with a letter and ending with a letter or digit.");
        }
    }

    public static void CheckGroup(string cluster, string group)
    {
        var limit = MaxLabel - cluster.Length - 1;
        if (group is null || !Label().IsMatch(group) || group.Length > limit)
        {
            throw new InvalidNameException(
                $"'{group}' is not a valid worker group name for cluster '{cluster}': use at most {limit} lowercase letters, digits and '-', starting with a letter and ending with a letter or digit.");
        }
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();
}
