using System.Net;
using System.Net.Sockets;

namespace Kubernetes.TestServer.Tests;

/// <summary>Services: cluster IPs proxied to ready pods, endpoints kept current, refusal without endpoints.</summary>
public sealed class ServiceNetworkingTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [SkippableFact]
    public async Task Should_proxy_a_cluster_ip_to_a_ready_pod_and_publish_its_endpoints()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a service whose pod is not there yet
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http}]
            """)).EnsureSuccess();
        var clusterIp = (await _cluster.RunKubectlAsync("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}")).EnsureSuccess().StandardOutput;

        // Then connecting to it is refused, as kube-proxy rejects a service without endpoints
        using (var early = new TcpClient())
        {
            await Assert.ThrowsAsync<SocketException>(() => early.ConnectAsync(IPAddress.Parse(clusterIp), 80));
        }

        // When an HTTP server pod that the service selects becomes ready
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], """
            apiVersion: v1
            kind: Pod
            metadata: {name: web-0, labels: {app: web}}
            spec:
              containers:
                - name: server
                  image: python:3
                  command: [python3, -m, http.server, "8080", --bind, $(POD_IP)]
                  env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
                  ports: [{name: http, containerPort: 8080}]
                  readinessProbe: {tcpSocket: {port: http}, periodSeconds: 1}
            """)).EnsureSuccess();
        (await _cluster.RunKubectlAsync("wait", "--for=condition=Ready", "pod/web-0", "--timeout=60s")).EnsureSuccess();
        var podIp = (await _cluster.RunKubectlAsync("get", "pod", "web-0", "-o", "jsonpath={.status.podIP}")).EnsureSuccess().StandardOutput;

        // Then the service's endpoints name the pod, and HTTP through the cluster IP reaches it
        var endpoints = await Eventually.WaitAsync(
            async () => (await _cluster.RunKubectlAsync("get", "endpoints", "web", "-o", "jsonpath={.subsets[0].addresses[0].ip}:{.subsets[0].ports[0].port}")).StandardOutput,
            text => text == $"{podIp}:8080", what: "the endpoints to list the pod");
        Assert.Equal($"{podIp}:8080", endpoints);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var response = await Eventually.WaitAsync(async () =>
        {
            try
            {
                return (await http.GetAsync(new Uri($"http://{clusterIp}/"))).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, code => code == HttpStatusCode.OK, what: "HTTP through the cluster IP");
        Assert.Equal(HttpStatusCode.OK, response);
    }

    [SkippableFact]
    public async Task Should_follow_a_container_log_until_the_container_exits()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a pod that prints three lines over a second and exits
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], """
            apiVersion: v1
            kind: Pod
            metadata: {name: talker}
            spec:
              restartPolicy: Never
              containers:
                - {name: main, image: busybox, command: [sh, -c, "for i in 1 2 3; do echo line $i; sleep 0.4; done"]}
            """)).EnsureSuccess();
        await Eventually.WaitAsync(() => _cluster.PodProcesses("default", "talker"), p => p.Count == 1 && p[0].State != "waiting", what: "the container to start");

        // When kubectl follows its log
        var followed = (await _cluster.RunKubectlAsync("logs", "-f", "talker")).EnsureSuccess();

        // Then it prints every line and returns when the container is done
        Assert.Equal("line 1\nline 2\nline 3\n", followed.StandardOutput);
    }
}
