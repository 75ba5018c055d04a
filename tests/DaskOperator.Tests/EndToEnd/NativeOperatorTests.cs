using System.Diagnostics;
using System.Text.RegularExpressions;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.EndToEnd;

/// <summary>
/// The Native AOT executable the image ships, as its own process: trimming and AOT mistakes (a type whose JSON
/// metadata is missing, code that needs the JIT) only show when that binary runs, so it reconciles a real cluster here.
/// </summary>
[Collection(EndToEndGroup.Name)]
public partial class NativeOperatorTests
{
    [SkippableFact]
    public async Task Given_the_native_operator_executable_When_a_DaskCluster_is_applied_with_kubectl_Then_it_reconciles_answers_its_probes_and_stops_on_SIGTERM()
    {
        Skip.If(DaskTestCluster.IsMissing, DaskTestCluster.MissingReason);
        await using var k8s = await DaskTestCluster.StartAsync(startOperator: false);

        // Given the published executable: native code (the AOT compiler's __managedcode section), not IL for a JIT
        Assert.Contains("__managedcode", ElfSections.Names(PublishedOperator.Path));
        using var op = OperatorProcess.Start(k8s.Cluster.KubeconfigPath, leaderElection: false);
        var health = await DaskTestCluster.WaitAsync(() => Task.FromResult(HealthUrl().Match(op.StandardOutput)), m => m.Success,
            "the operator to log its health endpoint");

        // When a DaskCluster is applied with the real kubectl
        await k8s.ApplyAsync(Manifests.Cluster("native", 1, nanny: false));

        // Then its scheduler pod, scheduler service, default worker group and worker pod are created
        await DaskTestCluster.WaitAsync(
            () => k8s.KubectlAsync("get", "pods,services,daskworkergroups", "-l", "dask.org/cluster-name=native", "-o", "name"),
            s => s.Contains("pod/native-scheduler", StringComparison.Ordinal) && s.Contains("service/native-scheduler", StringComparison.Ordinal)
                && s.Contains("daskworkergroup.kubernetes.dask.org/native-default", StringComparison.Ordinal)
                && s.Contains("pod/native-default-worker-", StringComparison.Ordinal),
            "the cluster's children");

        // And the cluster's status is written (a status patch through the source-generated JSON)
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskcluster", "native", "{.status.phase}"), p => p == "Running",
            "the cluster to be Running");

        // And the same executable's client commands read and patch the Dask resources (the client library's JSON)
        var list = await RunNativeAsync(k8s, "cluster", "list");
        Assert.Contains("native", list, StringComparison.Ordinal);
        await RunNativeAsync(k8s, "cluster", "scale", "native", "2", "--no-wait");
        await DaskTestCluster.WaitAsync(() => k8s.JsonPathAsync("daskworkergroup", "native-default", "{.spec.worker.replicas}"), r => r == "2",
            "the scale to reach the default group");

        // And its probes answer as the kubelet asks them
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri(health.Groups[1].Value + "/healthz")));
        Assert.Equal("leading", await http.GetStringAsync(new Uri(health.Groups[1].Value + "/readyz")));

        // When it gets SIGTERM, Then it exits with 0 at once and without a stack trace
        var clock = Stopwatch.StartNew();
        op.Terminate();
        var code = await op.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, $"exit code {code}; output:\n{op.Output}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:0.0}s to exit; output:\n{op.Output}");
        Assert.DoesNotContain("   at ", op.Output, StringComparison.Ordinal);
        // And nothing on the way failed as only a trimmed, ahead-of-time build can: a type without JSON metadata, code
        // that needs the JIT or reflection metadata the trimmer removed
        Assert.DoesNotMatch(AotFailure(), op.Output);
    }

    [Fact]
    public async Task Given_the_native_operator_executable_When_it_writes_the_CRDs_Then_they_equal_the_charts_committed_ones()
    {
        // Given an empty folder
        var dir = Directory.CreateTempSubdirectory("native-crds").FullName;
        try
        {
            // When the native executable writes the CRDs (the schema comes from the trimmed JSON metadata)
            using var crds = LocalProcess.Start(PublishedOperator.Path, ["crds", "--output", dir]);
            Assert.Equal(0, await crds.WaitAsync(TimeSpan.FromSeconds(60)));

            // Then each equals the committed file in the chart, as the JIT build's do (CrdGeneratorTests)
            foreach (var committed in Directory.GetFiles(Repository.Path("charts", "dask-operator", "crds"), "*.yaml"))
            {
                Assert.Equal(await File.ReadAllTextAsync(committed), await File.ReadAllTextAsync(Path.Combine(dir, Path.GetFileName(committed))));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> RunNativeAsync(DaskTestCluster k8s, params string[] args)
    {
        using var run = LocalProcess.Start(PublishedOperator.Path, [.. args, "--kubeconfig", k8s.Cluster.KubeconfigPath, "--namespace", "default"]);
        var code = await run.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(code == 0, $"dask-operator {string.Join(' ', args)} exited with {code}:\n{run.Output}");
        return run.StandardOutput;
    }

    [GeneratedRegex("JsonTypeInfo metadata|dynamic code|MissingMetadataException|NotSupportedException")]
    private static partial Regex AotFailure();

    [GeneratedRegex(@"health on (http://[0-9.]+:[0-9]+)")]
    private static partial Regex HealthUrl();
}
