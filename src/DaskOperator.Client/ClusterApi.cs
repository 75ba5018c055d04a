using System.Net;
using System.Text.Json.Nodes;
using DaskOperator.Crds;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DaskOperator.Client;

/// <summary>The Kubernetes calls the client makes, in one namespace; a missing object is null, missing CRDs one sentence.</summary>
internal sealed class ClusterApi(IKubernetes client, string ns)
{
    public IKubernetes Client { get; } = client;
    public string Namespace { get; } = ns;

    /// <summary>Fails with <see cref="CrdsNotInstalledException"/> when the API server does not serve DaskClusters.</summary>
    public async Task EnsureCrdsAsync(CancellationToken ct)
    {
        try
        {
            await Client.CustomObjects.ListNamespacedCustomObjectAsync(DaskApi.Group, DaskApi.Version, Namespace, "daskclusters", limit: 1,
                cancellationToken: ct).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CrdsNotInstalledException(
                $"The Dask CRDs are not installed (the API server does not serve daskclusters.{DaskApi.Group}/{DaskApi.Version}): " +
                "install them with `helm install dask-operator charts/dask-operator` or `kubectl apply -f charts/dask-operator/crds`.");
        }
    }

    public Task<T?> GetAsync<T>(string plural, string name, CancellationToken ct) where T : class =>
        OrNull(() => Client.CustomObjects.GetNamespacedCustomObjectAsync<T>(DaskApi.Group, DaskApi.Version, Namespace, plural, name, ct));

    public async Task<List<T>> ListAsync<T>(string plural, string? labelSelector, CancellationToken ct)
    {
        var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync<DaskObjectList<T>>(DaskApi.Group, DaskApi.Version, Namespace, plural,
            labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false);
        return list.Items;
    }

    public Task<T> CreateAsync<T>(string plural, T body, CancellationToken ct) where T : class =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(body, DaskApi.Group, DaskApi.Version, Namespace, plural, cancellationToken: ct);

    public Task MergePatchAsync(string plural, string name, JsonObject patch, CancellationToken ct) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            DaskApi.Group, DaskApi.Version, Namespace, plural, name, cancellationToken: ct);

    /// <summary>Deletes the object; returns false when it was not there.</summary>
    public async Task<bool> DeleteAsync(string plural, string name, CancellationToken ct) =>
        await OrNull(() => Client.CustomObjects.DeleteNamespacedCustomObjectAsync(DaskApi.Group, DaskApi.Version, Namespace, plural, name,
            propagationPolicy: "Background", cancellationToken: ct)).ConfigureAwait(false) is not null;

    public Task<V1Pod?> GetPodAsync(string name, CancellationToken ct) =>
        OrNull(() => Client.CoreV1.ReadNamespacedPodAsync(name, Namespace, cancellationToken: ct));

    public async Task<IList<V1Pod>> ListPodsAsync(string labelSelector, CancellationToken ct) =>
        (await Client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false)).Items;

    public Task<V1Service?> GetServiceAsync(string name, CancellationToken ct) =>
        OrNull(() => Client.CoreV1.ReadNamespacedServiceAsync(name, Namespace, cancellationToken: ct));

    /// <summary>A container's log text (its previous run's when <paramref name="previous"/>), the last <paramref name="tailLines"/> lines if given.</summary>
    public async Task<string> ReadLogAsync(string pod, string? container, bool previous, int? tailLines, CancellationToken ct)
    {
        await using var stream = await Client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace, container: container, previous: previous,
            tailLines: tailLines, cancellationToken: ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    private static async Task<T?> OrNull<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
