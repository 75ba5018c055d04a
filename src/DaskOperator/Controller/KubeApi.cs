using System.Net;
using System.Text.Json.Nodes;
using DaskOperator.Crds;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DaskOperator.Controller;

/// <summary>The few API calls the reconcilers make, typed, with "not found" as null rather than an exception.</summary>
internal sealed class KubeApi(IKubernetes client)
{
    public IKubernetes Client { get; } = client;

    public async Task<T?> GetAsync<T>(string plural, string ns, string name, CancellationToken ct) where T : class
    {
        try
        {
            return await Client.CustomObjects.GetNamespacedCustomObjectAsync<T>(DaskApi.Group, DaskApi.Version, ns, plural, name, ct)
                .ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<List<T>> ListAsync<T>(string plural, string ns, CancellationToken ct)
    {
        var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync<DaskObjectList<T>>(
            DaskApi.Group, DaskApi.Version, ns, plural, cancellationToken: ct).ConfigureAwait(false);
        return list.Items;
    }

    public Task<T> CreateAsync<T>(string plural, string ns, T body, CancellationToken ct) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(body!, DaskApi.Group, DaskApi.Version, ns, plural, cancellationToken: ct);

    /// <summary>Replaces the whole object; the resourceVersion in it makes a concurrent change a 409.</summary>
    public Task<T> ReplaceAsync<T>(string plural, string ns, string name, T body, CancellationToken ct) =>
        Client.CustomObjects.ReplaceNamespacedCustomObjectAsync<T>(body!, DaskApi.Group, DaskApi.Version, ns, plural, name, cancellationToken: ct);

    public Task MergePatchAsync(string plural, string ns, string name, JsonObject patch, CancellationToken ct) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), DaskApi.Group, DaskApi.Version, ns, plural, name,
            cancellationToken: ct);

    public Task PatchStatusAsync(string plural, string ns, string name, DaskStatus status, CancellationToken ct) =>
        Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(new JsonObject { ["status"] = DaskJson.ToNode(status) }.ToJsonString(), V1Patch.PatchType.MergePatch),
            DaskApi.Group, DaskApi.Version, ns, plural, name, cancellationToken: ct);

    public async Task DeleteAsync(string plural, string ns, string name, CancellationToken ct)
    {
        try
        {
            await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(DaskApi.Group, DaskApi.Version, ns, plural, name,
                propagationPolicy: "Background", cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: the goal of a delete.
        }
    }

    public async Task<IList<V1Pod>> ListPodsAsync(string ns, string labelSelector, CancellationToken ct) =>
        (await Client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false)).Items;

    public async Task<V1Pod?> GetPodAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            return await Client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<V1Pod> CreatePodAsync(string ns, V1Pod pod, CancellationToken ct) =>
        Client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: ct);

    public async Task DeletePodAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            await Client.CoreV1.DeleteNamespacedPodAsync(name, ns, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    public async Task<V1Service?> GetServiceAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            return await Client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<V1Service> CreateServiceAsync(string ns, V1Service service, CancellationToken ct) =>
        Client.CoreV1.CreateNamespacedServiceAsync(service, ns, cancellationToken: ct);

    public Task PatchServiceAsync(string ns, string name, JsonObject patch, CancellationToken ct) =>
        Client.CoreV1.PatchNamespacedServiceAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name, ns,
            cancellationToken: ct);

    /// <summary>A deep copy through JSON, so templates from a spec can be changed without touching the spec.</summary>
    public static T Clone<T>(T value) => DaskJson.Clone(value);

    public static bool IsConflict(Exception e) => e is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict };

    public static string Json<T>(T? value) => value is null ? "null" : DaskJson.Serialize(value);
}
