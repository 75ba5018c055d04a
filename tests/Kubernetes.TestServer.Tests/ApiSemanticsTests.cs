using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubernetes.TestServer.Tests;

/// <summary>Write semantics through the official C# client: conflicts, not-found, generation, status, finalizers, cascade.</summary>
public sealed class ApiSemanticsTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _client = ClusterClient.For(_cluster);
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(Fixture.Text("widget-crd.yaml"));
        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Should_refuse_an_update_from_a_stale_resource_version_with_409_Conflict()
    {
        // Given a config map read by two writers
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "shared" } }, "default");
        var first = await _client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default");
        var second = await _client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default");

        // When the first writes, then the second writes from the version it read
        first.Data = new Dictionary<string, string> { ["by"] = "first" };
        var written = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "shared", "default");
        second.Data = new Dictionary<string, string> { ["by"] = "second" };
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(second, "shared", "default"));

        // Then the second write is refused as a conflict and the first one's version moved on
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", Status(error).Reason);
        Assert.NotEqual(first.Metadata.ResourceVersion, written.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Should_refuse_a_second_create_with_409_AlreadyExists_and_answer_404_for_missing_objects()
    {
        // Given a config map
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "once" } }, "default");

        // When it is created again, and a missing one is read
        var again = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "once" } }, "default"));
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("never", "default"));

        // Then the answers are the Status objects a real server sends
        Assert.Equal(HttpStatusCode.Conflict, again.Response.StatusCode);
        Assert.Equal("AlreadyExists", Status(again).Reason);
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Equal("configmaps \"never\" not found", Status(missing).Message);
    }

    [Fact]
    public async Task Should_bump_generation_on_spec_changes_but_not_on_status_changes()
    {
        // Given a custom resource with a status subresource
        var widget = await CreateWidgetAsync("gen");
        Assert.Equal(1, Generation(widget));

        // When its status is written through the status subresource
        var afterStatus = (JsonElement)await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"replicas":2,"observedGeneration":1}}""", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "widgets", "gen");

        // And its spec is changed, with a status change sneaked into the main resource
        var afterSpec = (JsonElement)await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"replicas":4},"status":{"replicas":99}}""", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "widgets", "gen");

        // Then only the spec change moved the generation, and the main resource could not write status
        Assert.Equal(1, Generation(afterStatus));
        Assert.Equal(2, Generation(afterSpec));
        Assert.Equal(2, afterSpec.GetProperty("status").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task Should_keep_an_object_with_finalizers_until_they_are_removed()
    {
        // Given a custom resource with a finalizer
        await CreateWidgetAsync("held", finalizer: "example.com/cleanup");

        // When it is deleted
        await _client.CustomObjects.DeleteNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", "held");
        var marked = (JsonElement)await _client.CustomObjects.GetNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", "held");

        // Then it stays, marked for deletion, until its finalizer goes
        Assert.True(marked.GetProperty("metadata").TryGetProperty("deletionTimestamp", out _));
        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""[{"op":"remove","path":"/metadata/finalizers"}]""", V1Patch.PatchType.JsonPatch), "example.com", "v1", "default", "widgets", "held");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.GetNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", "held"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Should_delete_dependents_in_the_background_when_their_owner_is_deleted()
    {
        // Given a custom resource that owns a config map and a service
        var owner = await CreateWidgetAsync("owner");
        var reference = new V1OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "owner", Uid = owner.GetProperty("metadata").GetProperty("uid").GetString(), BlockOwnerDeletion = true, Controller = true };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owned", OwnerReferences = [reference] } }, "default");
        await _client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "owned-svc", OwnerReferences = [reference] },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 8786 }] },
        }, "default");

        // When the owner is deleted with kubectl (background propagation)
        if (Fixture.NoKubectl is null)
        {
            (await _cluster.RunKubectlAsync("delete", "widget", "owner")).EnsureSuccess();
        }
        else
        {
            await _client.CustomObjects.DeleteNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", "owner");
        }

        // Then its dependents are collected
        await Eventually.WaitAsync(async () => (await _client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Count + (await _client.CoreV1.ListNamespacedServiceAsync("default")).Items.Count,
            n => n == 0, what: "the owned config map and service to be deleted");
    }

    [Fact]
    public async Task Should_orphan_dependents_when_asked_to()
    {
        // Given a custom resource that owns a config map
        var owner = await CreateWidgetAsync("parent");
        var reference = new V1OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "parent", Uid = owner.GetProperty("metadata").GetProperty("uid").GetString() };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "child", OwnerReferences = [reference] } }, "default");

        // When the owner is deleted with the Orphan policy
        await _client.CustomObjects.DeleteNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets", "parent", propagationPolicy: "Orphan");

        // Then the dependent stays, without its owner reference
        var child = await Eventually.WaitAsync(() => _client.CoreV1.ReadNamespacedConfigMapAsync("child", "default"), c => c.Metadata.OwnerReferences is null or { Count: 0 }, what: "the owner reference to go");
        Assert.Equal("child", child.Metadata.Name);
        await Eventually.WaitAsync(async () => ((JsonElement)await _client.CustomObjects.ListNamespacedCustomObjectAsync("example.com", "v1", "default", "widgets")).GetProperty("items").GetArrayLength(),
            n => n == 0, what: "the owner to go");
    }

    private async Task<JsonElement> CreateWidgetAsync(string name, string? finalizer = null)
    {
        var body = new Dictionary<string, object>
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = finalizer is null ? new Dictionary<string, object> { ["name"] = name } : new Dictionary<string, object> { ["name"] = name, ["finalizers"] = new[] { finalizer } },
            ["spec"] = new Dictionary<string, object> { ["replicas"] = 1 },
        };
        return (JsonElement)await _client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "example.com", "v1", "default", "widgets");
    }

    private static long Generation(JsonElement obj) => obj.GetProperty("metadata").GetProperty("generation").GetInt64();

    private static V1Status Status(HttpOperationException error) => KubernetesJson.Deserialize<V1Status>(error.Response.Content);
}
