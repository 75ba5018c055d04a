namespace Kubernetes.TestServer.Tests;

/// <summary>Everyday kubectl workflows, judged by kubectl's own output.</summary>
public sealed class KubectlWorkflowTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [SkippableFact]
    public async Task Should_server_side_apply_create_then_update_a_custom_resource()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given the CRD
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("widget-crd.yaml"))).EnsureSuccess();

        // When kubectl applies a resource server-side, then applies a changed copy
        var created = (await _cluster.RunKubectlAsync("apply", "--server-side", "-f", Fixture.Path("widget.yaml"))).EnsureSuccess();
        var changed = Fixture.Text("widget.yaml").Replace("color: blue", "color: green", StringComparison.Ordinal);
        var updated = (await _cluster.RunKubectlAsync(["apply", "--server-side", "-f", "-"], changed)).EnsureSuccess();

        // Then both applies succeed and the live object carries the change
        Assert.Contains("widget.example.com/blue-widget serverside-applied", created.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("widget.example.com/blue-widget serverside-applied", updated.StandardOutput, StringComparison.Ordinal);
        var color = (await _cluster.RunKubectlAsync("get", "wdg", "blue-widget", "-o", "jsonpath={.spec.color}")).EnsureSuccess();
        Assert.Equal("green", color.StandardOutput);
    }

    [SkippableFact]
    public async Task Should_stream_changes_to_kubectl_get_watch()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given kubectl watching config maps
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], ConfigMap("watched", "1"))).EnsureSuccess();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var watching = _cluster.RunKubectlAsync(["get", "configmaps", "--watch", "--output-watch-events", "--request-timeout=30s"], null, cts.Token);
        await Eventually.WaitAsync(() => _cluster.Store.OpenWatchCount, n => n == 1, what: "kubectl's watch to open");

        // When the map changes and is deleted, then the watch ends (queued events are delivered first)
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], ConfigMap("watched", "2"))).EnsureSuccess();
        (await _cluster.RunKubectlAsync("delete", "configmap", "watched")).EnsureSuccess();
        _cluster.DropWatches(abortConnections: false);
        var output = (await watching).StandardOutput;

        // Then kubectl printed the table rows for each event
        Assert.Matches(@"(?m)^EVENT\s+NAME\s+DATA\s+AGE$", output);
        Assert.Matches(@"(?m)^ADDED\s+watched\s+1\s+", output);
        Assert.Matches(@"(?m)^MODIFIED\s+watched\s+1\s+", output);
        Assert.Matches(@"(?m)^DELETED\s+watched\s+1\s+", output);
    }

    [SkippableFact]
    public async Task Should_describe_a_pod_and_list_it_with_wide_columns()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a pod on a cluster whose kubelet does not run pods
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("dask-scheduler.yaml"))).EnsureSuccess();

        // When kubectl describes it and lists it wide
        var described = (await _cluster.RunKubectlAsync("describe", "pod", "scheduler")).EnsureSuccess().StandardOutput;
        var wide = (await _cluster.RunKubectlAsync("get", "pods", "-o", "wide")).EnsureSuccess().StandardOutput;

        // Then it is scheduled to the node and pending
        Assert.Matches(@"(?m)^Node:\s+test-node", described);
        Assert.Matches(@"(?m)^Status:\s+Pending", described);
        Assert.Matches(@"(?m)^scheduler\s+0/1\s+Pending\s+0\s+\S+\s+<none>\s+test-node", wide);
    }

    [SkippableFact]
    public async Task Should_delete_a_namespace_with_everything_in_it()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a namespace holding a config map and a service
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: scratch\n")).EnsureSuccess();
        (await _cluster.RunKubectlAsync(["apply", "-n", "scratch", "-f", "-"], ConfigMap("inside", "1"))).EnsureSuccess();

        // When kubectl deletes the namespace (and waits for it to go)
        var deleted = (await _cluster.RunKubectlAsync("delete", "namespace", "scratch", "--timeout=60s")).EnsureSuccess();

        // Then the namespace and its content are gone
        Assert.Contains("namespace \"scratch\" deleted", deleted.StandardOutput, StringComparison.Ordinal);
        var left = await _cluster.RunKubectlAsync("get", "configmaps", "-n", "scratch");
        Assert.Contains("No resources found in scratch namespace.", left.StandardError, StringComparison.Ordinal);
        var namespaces = (await _cluster.RunKubectlAsync("get", "namespaces", "-o", "name")).EnsureSuccess().StandardOutput;
        Assert.DoesNotContain("namespace/scratch", namespaces, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_delete_dependents_first_under_foreground_propagation()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a config map owned by another config map
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], ConfigMap("parent", "1"))).EnsureSuccess();
        var uid = (await _cluster.RunKubectlAsync("get", "configmap", "parent", "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StandardOutput;
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: child
              ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: parent, uid: {{uid}}}]
            """)).EnsureSuccess();

        // When kubectl deletes the owner in the foreground (waiting for it to go)
        (await _cluster.RunKubectlAsync("delete", "configmap", "parent", "--cascade=foreground", "--timeout=60s")).EnsureSuccess();

        // Then both are gone
        var left = await _cluster.RunKubectlAsync("get", "configmaps");
        Assert.Contains("No resources found", left.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_accept_kubectl_create_commands_that_send_protobuf()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given kubectl's typed create commands, which send protobuf bodies
        (await _cluster.RunKubectlAsync("create", "namespace", "team")).EnsureSuccess();
        (await _cluster.RunKubectlAsync("create", "configmap", "settings", "-n", "team", "--from-literal=threads=4")).EnsureSuccess();
        (await _cluster.RunKubectlAsync("create", "secret", "generic", "token", "-n", "team", "--from-literal=value=s3cret")).EnsureSuccess();

        // When the objects are read back
        var threads = (await _cluster.RunKubectlAsync("get", "configmap", "settings", "-n", "team", "-o", "jsonpath={.data.threads}")).EnsureSuccess().StandardOutput;
        var secret = (await _cluster.RunKubectlAsync("get", "secret", "token", "-n", "team", "-o", "jsonpath={.data.value}")).EnsureSuccess().StandardOutput;

        // Then their content arrived intact
        Assert.Equal("4", threads);
        Assert.Equal("s3cret", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret)));
    }

    private static string ConfigMap(string name, string value) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
        data:
          key: "{value}"
        """;
}
