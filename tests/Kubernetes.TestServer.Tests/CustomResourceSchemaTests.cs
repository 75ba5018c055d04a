namespace Kubernetes.TestServer.Tests;

/// <summary>A CRD's structural schema applied on writes, as kubectl meets it.</summary>
public sealed class CustomResourceSchemaTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });
        if (Fixture.NoKubectl is null)
        {
            (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("gadget-crd.yaml"))).EnsureSuccess();
        }
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [SkippableFact]
    public async Task Should_fill_in_defaults_and_keep_fields_under_preserve_unknown_fields()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a gadget without replicas but with free-form template content
        await ApplyAsync("spec: {color: red, template: {anything: [1, 2]}}").ContinueWith(t => t.Result.EnsureSuccess());

        // When it is read back
        var spec = (await _cluster.RunKubectlAsync("get", "gadget", "g", "-o", "jsonpath={.spec}")).EnsureSuccess().StandardOutput;

        // Then the default was filled in and the open map kept
        Assert.Equal("""{"color":"red","replicas":1,"template":{"anything":[1,2]}}""", spec);
    }

    [SkippableFact]
    public async Task Should_refuse_unknown_fields_under_kubectl_strict_validation_and_prune_them_otherwise()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a gadget with a field its schema does not know
        const string body = "spec: {color: green, shape: round}";

        // When kubectl applies it with its default (strict) validation, and then without validation
        var strict = await ApplyAsync(body);
        (await ApplyAsync(body, "--validate=false")).EnsureSuccess();

        // Then the first is refused as the real server words it, and the second stored without the field
        Assert.False(strict.Succeeded);
        Assert.Contains("strict decoding error: unknown field \"spec.shape\"", strict.StandardError, StringComparison.Ordinal);
        var spec = (await _cluster.RunKubectlAsync("get", "gadget", "g", "-o", "jsonpath={.spec}")).EnsureSuccess().StandardOutput;
        Assert.Equal("""{"color":"green","replicas":1}""", spec);
    }

    [SkippableFact]
    public async Task Should_reject_values_that_break_the_schema_with_422_Invalid()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given gadgets with a wrong enum value, a negative count and a missing required field
        var badColor = await ApplyAsync("spec: {color: blue}");
        var negative = await ApplyAsync("spec: {color: red, replicas: -1}");
        var missing = await ApplyAsync("spec: {replicas: 2}");

        // Then each is refused with the field named
        Assert.Contains("spec.color: Unsupported value: \"blue\"", badColor.StandardError, StringComparison.Ordinal);
        Assert.Contains("spec.replicas in body should be greater than or equal to 0", negative.StandardError, StringComparison.Ordinal);
        Assert.Contains("spec.color: Required value", missing.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_scale_a_resource_whose_schema_types_the_replicas()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a gadget whose schema says replicas is an integer
        (await ApplyAsync("spec: {color: red}")).EnsureSuccess();

        // When kubectl scales it (the server writes the number into the object and validates it)
        (await _cluster.RunKubectlAsync("scale", "gadget", "g", "--replicas=3")).EnsureSuccess();

        // Then the new count passes validation and is stored
        var replicas = (await _cluster.RunKubectlAsync("get", "gadget", "g", "-o", "jsonpath={.spec.replicas}")).EnsureSuccess().StandardOutput;
        Assert.Equal("3", replicas);
    }

    private Task<KubectlResult> ApplyAsync(string spec, params string[] flags) =>
        _cluster.RunKubectlAsync(["apply", .. flags, "-f", "-"], $"apiVersion: example.com/v1\nkind: Gadget\nmetadata: {{name: g}}\n{spec}\n");
}
