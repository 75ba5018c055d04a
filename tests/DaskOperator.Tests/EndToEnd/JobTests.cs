using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public class JobTests
{
    [SkippableFact]
    public async Task Given_four_dask_jobs_When_their_runners_succeed_fail_retry_and_overrun_Then_each_ends_as_its_spec_says_with_status_and_events()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync();
        // Every jobStatus the jobs pass through, as `kubectl get -w` shows them.
        using var watch = LocalProcess.Start(Repository.Tool("kubectl")!, ["--kubeconfig", k8s.Cluster.KubeconfigPath, "get", "daskjobs", "-w",
            "-o", "jsonpath={.metadata.name}={.status.jobStatus}{\"\\n\"}"]);

        // Given a job whose runner sets no restartPolicy, one that fails once and is retried, one that fails and keeps
        // its cluster, and one that runs past its deadline
        foreach (var file in new[] { "job-succeeds.yaml", "job-retried.yaml", "job-kept.yaml", "job-deadline.yaml" })
        {
            await k8s.ApplyFileAsync(file);
        }

        // Then the failing job is Failed with its reason, its cluster kept for debugging
        await WaitForEndAsync(k8s, "kept");
        Assert.Equal("Failed", await k8s.JsonPathAsync("daskjob", "kept", "{.status.jobStatus}"));
        Assert.Equal("BackoffLimitExceeded", await k8s.JsonPathAsync("daskjob", "kept", "{.status.conditions[?(@.type==\"Failed\")].reason}"));
        Assert.Equal("kept", await k8s.JsonPathAsync("daskcluster", "kept", "{.metadata.name}"));
        Assert.Contains(await k8s.EventsAsync("kept"), e => e.Reason == "BackoffLimitExceeded" && e.Message.Contains("keepClusterOnFailure", StringComparison.Ordinal));

        // And the job past its deadline is Failed with DeadlineExceeded and its runner stopped
        await WaitForEndAsync(k8s, "deadline");
        Assert.Equal("Failed/DeadlineExceeded", await k8s.JsonPathAsync("daskjob", "deadline",
            "{.status.jobStatus}/{.status.conditions[?(@.type==\"Failed\")].reason}"));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "pods", "deadline-runner", "--ignore-not-found", "-o", "name"),
            s => s.Trim().Length == 0, "the overdue runner to be stopped");

        // And the plain job walks JobCreated → ClusterCreated → Running → Successful, its cluster is deleted, and its
        // runner got the CRD's restartPolicy default and the job's labels and annotations (not kopf's)
        await WaitForEndAsync(k8s, "succeeds");
        Assert.True(await k8s.JsonPathAsync("daskjob", "succeeds", "{.status.jobStatus}") == "Successful", k8s.Cluster.GetPodLogs("default", "succeeds-runner"));
        Assert.Equal("succeeds/succeeds-runner", await k8s.JsonPathAsync("daskjob", "succeeds", "{.status.clusterName}/{.status.jobRunnerPodName}"));
        Assert.Matches("^\\d{4}-.+Z/\\d{4}-.+Z$", await k8s.JsonPathAsync("daskjob", "succeeds", "{.status.startTime}/{.status.endTime}"));
        Assert.Equal("OnFailure", await k8s.JsonPathAsync("pod", "succeeds-runner", "{.spec.restartPolicy}"));
        Assert.Equal("analytics/4711/", await k8s.JsonPathAsync("pod", "succeeds-runner",
            "{.metadata.labels.team}/{.metadata.annotations.example\\.org/cost-centre}/{.metadata.annotations.kopf\\.zalando\\.org/last-handled-configuration}"));
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "daskclusters", "succeeds", "--ignore-not-found", "-o", "name"),
            s => s.Trim().Length == 0, "the successful job's cluster to be deleted");

        // And the retried job succeeds on its second try on the same cluster, counts one failure, and says so in an Event;
        // after ttlSecondsAfterFinished its runner is gone too
        await WaitForEndAsync(k8s, "retried");
        Assert.Equal("Successful/1", await k8s.JsonPathAsync("daskjob", "retried", "{.status.jobStatus}/{.status.failed}"));
        Assert.Contains(await k8s.EventsAsync("retried"), e => e.Reason == "RunnerRetried");
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "pods", "-l", "dask.org/cluster-name=retried", "-o", "name"),
            s => s.Trim().Length == 0, "the retried job's runner to be removed after its TTL");
        Assert.Equal("True", await k8s.JsonPathAsync("daskjob", "retried", "{.status.conditions[?(@.type==\"CleanedUp\")].status}"));

        // And the failed job's kept cluster and runner are removed once its ttlSecondsAfterFinished has passed
        await DaskTestCluster.WaitAsync(() => k8s.KubectlAsync("get", "daskclusters,pods", "-l", "dask.org/cluster-name=kept", "-o", "name"),
            s => s.Trim().Length == 0, "the kept cluster and runner to be removed after the TTL");

        // And the plain job's walk was seen step by step
        var walk = watch.StandardOutput.Split('\n').Where(l => l.StartsWith("succeeds=", StringComparison.Ordinal))
            .Select(l => l["succeeds=".Length..]).Where(s => s.Length > 0).Distinct().ToList();
        Assert.Equal(["JobCreated", "ClusterCreated", "Running", "Successful"], walk);
    }

    private static Task<string> WaitForEndAsync(DaskTestCluster k8s, string job) =>
        DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskjob", job, "{.status.jobStatus}"), s => s is "Successful" or "Failed", $"job {job} to end");
}
