namespace Kubernetes.TestServer.Tests;

/// <summary>The real kubectl drives a CRD and its custom resources through the test server.</summary>
public sealed class KubectlCustomResourceTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [SkippableFact]
    public async Task Should_apply_get_scale_and_delete_a_custom_resource_with_kubectl()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a CRD and a custom resource applied with kubectl
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("widget-crd.yaml"))).EnsureSuccess();
        var applied = (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("widget.yaml"))).EnsureSuccess();
        Assert.Contains("widget.example.com/blue-widget created", applied.StandardOutput, StringComparison.Ordinal);

        // When kubectl lists it by its short name
        var listed = (await _cluster.RunKubectlAsync("get", "wdg")).EnsureSuccess();

        // Then it prints the CRD's printer columns
        var lines = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+REPLICAS\s+COLOR\s+AGE$", lines[0]);
        Assert.Matches(@"^blue-widget\s+2\s+blue\s+\d+s$", lines[1]);

        // When it scales the resource through the scale subresource
        var scaled = (await _cluster.RunKubectlAsync("scale", "widget/blue-widget", "--replicas=5")).EnsureSuccess();
        Assert.Contains("widget.example.com/blue-widget scaled", scaled.StandardOutput, StringComparison.Ordinal);

        // Then the spec changed and the generation moved on
        var replicas = (await _cluster.RunKubectlAsync("get", "widget", "blue-widget", "-o", "jsonpath={.spec.replicas} {.metadata.generation}")).EnsureSuccess();
        Assert.Equal("5 2", replicas.StandardOutput.Trim());

        // When it deletes the resource
        var deleted = (await _cluster.RunKubectlAsync("delete", "-f", Fixture.Path("widget.yaml"))).EnsureSuccess();
        Assert.Contains("widget.example.com \"blue-widget\" deleted", deleted.StandardOutput, StringComparison.Ordinal);

        // Then kubectl finds nothing left
        var after = await _cluster.RunKubectlAsync("get", "widgets");
        Assert.Contains("No resources found in default namespace.", after.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_list_a_new_crd_in_kubectl_api_resources_through_aggregated_discovery()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a CRD applied with kubectl
        (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("widget-crd.yaml"))).EnsureSuccess();

        // When kubectl lists the API resources of its group, logging its requests
        var listed = (await _cluster.RunKubectlAsync("api-resources", "--api-group=example.com", "-v=6")).EnsureSuccess();

        // Then the resource appears with its short name, found with the aggregated /apis document alone
        Assert.Matches(@"(?m)^widgets\s+wdg\s+example.com/v1\s+true\s+Widget$", listed.StandardOutput);
        Assert.DoesNotContain("/apis/example.com/v1?", listed.StandardError, StringComparison.Ordinal);
    }
}
