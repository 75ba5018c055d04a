using System.Text.Json.Nodes;
using Kubernetes.TestServer.Resources;

namespace Kubernetes.TestServer.Tests;

/// <summary>Cluster DNS as a rewrite of service addresses to cluster IPs.</summary>
public sealed class ClusterDnsTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private string _ip = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false, Namespaces = ["dask"] });
        var service = _cluster.Service.Create(BuiltinResources.Services, "dask", (JsonObject)JsonNode.Parse("""
            {"metadata":{"name":"sched"},"spec":{"selector":{"app":"s"},"ports":[{"port":8786}]}}
            """)!);
        _ip = service["spec"]!["clusterIP"]!.GetValue<string>();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("tcp://sched.dask.svc.cluster.local:8786", "tcp://{ip}:8786")]
    [InlineData("sched.dask.svc:8786", "{ip}:8786")]
    [InlineData("http://sched.dask:8787/health", "http://{ip}:8787/health")]
    [InlineData("tcp://sched:8786", "tcp://{ip}:8786")]
    [InlineData("--scheduler-address=tcp://sched:8786", "--scheduler-address=tcp://{ip}:8786")]
    [InlineData("sched", "sched")]
    [InlineData("tcp://other.dask.svc:8786", "tcp://other.dask.svc:8786")]
    [InlineData("tcp://sched.default.svc:8786", "tcp://sched.default.svc:8786")]
    public void Should_rewrite_service_addresses_to_the_cluster_ip(string value, string expected)
    {
        // Given a service sched in namespace dask
        // When a value seen from a pod in namespace dask is rewritten
        var rewritten = _cluster.Dns.Rewrite(value, "dask");

        // Then known service addresses point at the cluster IP and everything else is left alone
        Assert.StartsWith("127.", _ip, StringComparison.Ordinal);
        Assert.Equal(expected.Replace("{ip}", _ip, StringComparison.Ordinal), rewritten);
    }
}
