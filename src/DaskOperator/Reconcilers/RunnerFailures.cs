using DaskOperator.Controller;
using k8s.Models;

namespace DaskOperator.Reconcilers;

/// <summary>
/// How often a job's runner has failed, counted from the pods alone (level-based): the failures before this pod
/// (an annotation written when it was made), its containers' restarts (restartPolicy OnFailure restarts in place),
/// and one more if the pod itself failed.
/// </summary>
internal static class RunnerFailures
{
    public static int Of(V1Pod runner)
    {
        var before = runner.Metadata.Annotations?.TryGetValue(Labels.PreviousFailures, out var text) == true
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var restarts = runner.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0;
        return before + restarts + (runner.Status?.Phase == "Failed" ? 1 : 0);
    }
}
