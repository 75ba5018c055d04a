using DaskOperator.Tests.Support;

namespace DaskOperator.Client.Tests.CommandLine;

[Collection(ClientClusterGroup.Name)]
public class ClusterCommandsTests(ClientCluster fixture)
{
    [SkippableFact]
    public async Task Given_the_cluster_commands_When_a_user_creates_scales_adapts_groups_logs_and_deletes_Then_each_does_it_and_says_so()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        var k8s = fixture.K8s;

        // When a cluster is created and the command waits for its two workers
        var create = await RunAsync("create", "cli", "--workers", "2", "--threads", "1", "--env", "TEAM=parallel-tools");

        // Then it printed the scheduler's address, the workers arriving, and that the cluster is ready
        Assert.Contains($"Scheduler: {await k8s.SchedulerAddressAsync("cli")}", create, StringComparison.Ordinal);
        Assert.Contains("Workers: 2/2 registered with the scheduler", create, StringComparison.Ordinal);
        Assert.EndsWith("Dask cluster 'cli' is ready with 2 workers.\n", create, StringComparison.Ordinal);

        // When a gpu group is added, the default group scaled down and made adaptive, and the gpu group deleted
        var added = await RunAsync("add-group", "cli", "gpu", "--workers", "1", "--threads", "1", "--resources", "GPU=1", "--gpus", "1");
        Assert.Contains("Workers: 3/3 registered with the scheduler", added, StringComparison.Ordinal);
        Assert.Contains("GPU=1", (await k8s.GetJsonAsync("get", "daskworkergroup", "cli-gpu")).GetRawText(), StringComparison.Ordinal);
        var listed = await RunAsync("list");
        Assert.Contains("cli", listed, StringComparison.Ordinal);
        Assert.Contains("default 2/2, gpu 1/1", listed, StringComparison.Ordinal);
        Assert.Contains("Scaled worker group 'default' of 'cli' from 2 to 1 workers.", await RunAsync("scale", "cli", "1"), StringComparison.Ordinal);
        await k8s.WaitForSchedulerWorkersAsync("cli", 2);
        Assert.Contains("between 1 and 2 workers", await RunAsync("adapt", "cli", "--minimum", "1", "--maximum", "2"), StringComparison.Ordinal);
        Assert.Equal("2", await k8s.KubectlAsync("get", "daskautoscaler", "cli", "-o", "jsonpath={.spec.maximum}"));
        Assert.Contains("Deleted worker group 'gpu' of 'cli'.", await RunAsync("delete-group", "cli", "gpu"), StringComparison.Ordinal);
        Assert.DoesNotContain("cli-gpu", await k8s.KubectlAsync("get", "daskworkergroups", "-o", "name"), StringComparison.Ordinal);

        // Then the logs show the scheduler's and a worker's output under their pod names
        var logs = await RunAsync("logs", "cli");
        Assert.StartsWith("==> cli-scheduler <==\n", logs, StringComparison.Ordinal);
        Assert.Contains("==> cli-default-worker-", logs, StringComparison.Ordinal);
        Assert.Contains("Scheduler at:", logs, StringComparison.Ordinal);

        // When the cluster is deleted, Then it is gone, and a second delete is one sentence with exit code 1
        Assert.Contains("Deleted Dask cluster 'cli'.", await RunAsync("delete", "cli"), StringComparison.Ordinal);
        Assert.DoesNotContain("cli", await k8s.KubectlAsync("get", "daskclusters", "-o", "name"), StringComparison.Ordinal);
        var (code, _, error) = await RunRawAsync("delete", "cli");
        Assert.Equal(1, code);
        Assert.Equal("dask-operator: There is no DaskCluster named 'cli' in namespace 'default'.\n", error);
    }

    [SkippableTheory]
    [InlineData(new[] { "scale", "nosuch", "2" }, "dask-operator: There is no DaskCluster named 'nosuch' in namespace 'default'.")]
    [InlineData(new[] { "create", "Bad_Name" }, "dask-operator: 'Bad_Name' is not a valid cluster name")]
    [InlineData(new[] { "scale", "cli" }, "dask-operator: cluster scale needs N.")]
    [InlineData(new[] { "create", "x", "--wrokers", "2" }, "dask-operator: cluster create does not take --wrokers.")]
    [InlineData(new[] { "adapt", "x", "--minimum", "3", "--maximum", "1" }, "dask-operator: --maximum (1) is below --minimum (3).")]
    [InlineData(new[] { "frobnicate" }, "dask-operator: Unknown cluster command 'frobnicate'.")]
    public async Task Should_answer_a_wrong_cluster_command_with_one_sentence_and_exit_code_1(string[] args, string expected)
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);

        // When a cluster command is wrong or names what does not exist
        var (code, _, error) = await RunRawAsync(args);

        // Then it exits with 1 and says why in one sentence, without a stack trace
        Assert.Equal(1, code);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var (code, output, error) = await RunRawAsync(args);
        Assert.True(code == 0, $"cluster {string.Join(' ', args)} exited with {code}: {error}");
        return output;
    }

    private async Task<(int Code, string Output, string Error)> RunRawAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = await DaskOperator.Hosting.CommandLine.RunAsync(
            ["cluster", .. args, "--kubeconfig", fixture.K8s.Cluster.KubeconfigPath, "--namespace", "default", "--timeout", "120"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
