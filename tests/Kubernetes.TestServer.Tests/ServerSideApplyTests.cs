using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Tests;

/// <summary>Server-side apply with field ownership (metadata.managedFields), judged by the real kubectl's own apply.</summary>
public sealed class ServerSideApplyTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });
        if (Fixture.NoKubectl is null)
        {
            (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("widget-crd.yaml"))).EnsureSuccess();
        }
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [SkippableFact]
    public async Task Given_an_applied_widget_When_the_manager_applies_it_without_some_fields_Then_only_those_nobody_else_owns_are_removed()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a widget applied by manager "deployer" with a label, two spec fields and a nested map, and an annotation kubectl added
        await ApplyAsync("deployer", Widget("labels: {app: widgets, tier: web}", "replicas: 2\n  color: blue\n  size: {width: 3, depth: 4}"));
        (await _cluster.RunKubectlAsync("annotate", "widget", "w", "owner=ops")).EnsureSuccess();

        // When "deployer" applies it again without the tier label, the color and the depth
        await ApplyAsync("deployer", Widget("labels: {app: widgets}", "replicas: 2\n  size: {width: 3}"));

        // Then those are gone, what it still applies stays, and kubectl's annotation (another manager's) is kept
        var widget = await GetAsync();
        Assert.Equal("""{"app":"widgets"}""", widget["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("""{"replicas":2,"size":{"width":3}}""", widget["spec"]!.ToJsonString());
        Assert.Equal("ops", (string?)widget["metadata"]!["annotations"]!["owner"]);

        // And managedFields name both managers with the fields each owns
        var managers = widget["metadata"]!["managedFields"]!.AsArray().ToDictionary(e => $"{e!["manager"]}/{e["operation"]}", e => e!["fieldsV1"]!.ToJsonString());
        Assert.Contains("\"f:width\"", managers["deployer/Apply"], StringComparison.Ordinal);
        Assert.DoesNotContain("f:color", managers["deployer/Apply"], StringComparison.Ordinal);
        Assert.Contains("\"f:owner\"", managers["kubectl-annotate/Update"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Given_a_field_another_manager_changed_When_applied_with_a_different_value_Then_it_conflicts_unless_forced()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a widget applied by "deployer", then scaled with kubectl, which now owns .spec.replicas
        await ApplyAsync("deployer", Widget("labels: {app: widgets}", "replicas: 2\n  color: blue"));
        (await _cluster.RunKubectlAsync("scale", "widget", "w", "--replicas=5")).EnsureSuccess();

        // When "deployer" applies replicas 3 again
        var refused = await _cluster.RunKubectlAsync(["apply", "--server-side", "--field-manager=deployer", "-f", "-"], Widget("labels: {app: widgets}", "replicas: 3\n  color: blue"));

        // Then kubectl reports the conflict with the manager that owns .spec.replicas, and nothing changed
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Matches(@"Apply failed with 1 conflict: conflict with ""kubectl[-a-z]*"" using example.com/v1: \.spec\.replicas", refused.StandardError);
        Assert.Equal(5L, (long)(await GetAsync())["spec"]!["replicas"]!);

        // When it applies again with --force-conflicts, Then the value is its own, and so is the field
        await ApplyAsync("deployer", Widget("labels: {app: widgets}", "replicas: 3\n  color: blue"), "--force-conflicts");
        Assert.Equal(3L, (long)(await GetAsync())["spec"]!["replicas"]!);
        await ApplyAsync("deployer", Widget("labels: {app: widgets}", "color: blue"));
        Assert.Null((await GetAsync())["spec"]!["replicas"]);
    }

    [SkippableFact]
    public async Task Given_a_service_with_a_keyed_list_When_a_manager_drops_one_item_Then_only_that_item_goes()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a service applied with two ports (a list merged by port)
        await ApplyAsync("deployer", Service("[{name: a, port: 80}, {name: b, port: 81}]"));

        // When the manager applies it with one port
        await ApplyAsync("deployer", Service("[{name: a, port: 80}]"));

        // Then the other port is removed and the rest of the service kept
        var live = JsonNode.Parse((await _cluster.RunKubectlAsync("get", "service", "s", "-o", "json")).EnsureSuccess().StandardOutput)!;
        Assert.Equal(["a"], live["spec"]!["ports"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Equal("s", (string?)live["spec"]!["selector"]!["app"]);
    }

    private static string Service(string ports) => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          selector: {app: s}
          ports: {{ports}}
        """;

    private static string Widget(string metadata, string spec) => $"""
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
          {metadata}
        spec:
          {spec}
        """;

    private async Task ApplyAsync(string manager, string yaml, params string[] extra) =>
        (await _cluster.RunKubectlAsync(["apply", "--server-side", $"--field-manager={manager}", .. extra, "-f", "-"], yaml)).EnsureSuccess();

    private async Task<JsonNode> GetAsync() =>
        JsonNode.Parse((await _cluster.RunKubectlAsync("get", "widget", "w", "-o", "json", "--show-managed-fields")).EnsureSuccess().StandardOutput)!;
}
