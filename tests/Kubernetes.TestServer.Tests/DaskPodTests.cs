using System.Diagnostics;
using System.Net;

namespace Kubernetes.TestServer.Tests;

/// <summary>Pods that run the real Dask (Debian's python3-distributed) as local processes.</summary>
public sealed class DaskPodTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string? NoDask =>
        Fixture.NoKubectl ?? (File.Exists("/usr/bin/dask-scheduler") ? null : "Debian's python3-distributed is not installed (scripts/setup.sh installs it)");

    [SkippableFact]
    public async Task Should_run_a_dask_scheduler_pod_that_becomes_ready_on_its_own_pod_ip()
    {
        Skip.If(NoDask is not null, NoDask);

        // Given a scheduler pod and its service applied with kubectl
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("dask-scheduler.yaml"))).EnsureSuccess();

        // When kubectl waits for it to be ready
        (await _cluster.RunKubectlAsync("wait", "--for=condition=Ready", "pod/scheduler", "--timeout=120s")).EnsureSuccess();

        // Then it runs as a local process on a loopback address of its own, and its readiness probe passed
        var ip = (await _cluster.RunKubectlAsync("get", "pod", "scheduler", "-o", "jsonpath={.status.podIP}")).EnsureSuccess().StandardOutput;
        Assert.StartsWith("127.", ip, StringComparison.Ordinal);
        Assert.NotEqual("127.0.0.1", ip);
        var process = Assert.Single(_cluster.PodProcesses("default", "scheduler"));
        Assert.True(process.Ready);
        using (var running = Process.GetProcessById(process.ProcessId!.Value))
        {
            Assert.False(running.HasExited);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://{ip}:8787/health"))).StatusCode);
    }

    [SkippableFact]
    public async Task Should_let_a_worker_find_the_scheduler_by_service_name_so_a_client_can_compute()
    {
        Skip.If(NoDask is not null, NoDask);

        // Given a scheduler with its service, and a worker that names the service by its cluster DNS name
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("dask-scheduler.yaml"))).EnsureSuccess();
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("dask-worker.yaml"))).EnsureSuccess();
        (await _cluster.RunKubectlAsync("wait", "--for=condition=Ready", "pod/scheduler", "pod/worker-0", "--timeout=120s")).EnsureSuccess();
        var clusterIp = (await _cluster.RunKubectlAsync("get", "service", "demo-scheduler", "-o", "jsonpath={.spec.clusterIP}")).EnsureSuccess().StandardOutput;

        // When a Dask client connects through the service's cluster IP and computes
        var script = $"""
            from dask.distributed import Client
            client = Client("tcp://{clusterIp}:8786", timeout=60)
            client.wait_for_workers(1, timeout=60)
            print(client.submit(lambda x: x * 2, 21).result(), list(w["name"] for w in client.scheduler_info()["workers"].values()))
            """;
        var output = await RunPythonAsync(script);

        // Then the worker (named from its pod) computed the result
        Assert.Equal("42 ['worker-0']", output.Trim());
    }

    private static async Task<string> RunPythonAsync(string script)
    {
        var start = new ProcessStartInfo(Python, ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        return await stdout;
    }
}
