using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DaskOperator.Controller;

/// <summary>
/// Writes Kubernetes Events on our resources (what <c>kubectl describe</c> shows) and logs them. Events are
/// best-effort: the write starts and the reconcile goes on without waiting for it.
/// </summary>
internal sealed class EventRecorder(IKubernetes client, ILogger logger)
{
    public Task NormalAsync(IKubernetesObject<V1ObjectMeta> target, string reason, string message, CancellationToken ct)
    {
        _ = RecordAsync(target, "Normal", reason, message, ct);
        return Task.CompletedTask;
    }

    public Task WarningAsync(IKubernetesObject<V1ObjectMeta> target, string reason, string message, CancellationToken ct)
    {
        _ = RecordAsync(target, "Warning", reason, message, ct);
        return Task.CompletedTask;
    }

    private async Task RecordAsync(IKubernetesObject<V1ObjectMeta> target, string type, string reason, string message, CancellationToken ct)
    {
        logger.Log(type == "Warning" ? LogLevel.Warning : LogLevel.Information,
            "{Kind} {Namespace}/{Name}: {Reason}: {Message}", target.Kind, target.Metadata.NamespaceProperty, target.Metadata.Name, reason, message);
        var now = DateTime.UtcNow;
        var ev = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = target.Metadata.Name + ".", NamespaceProperty = target.Metadata.NamespaceProperty },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = target.ApiVersion, Kind = target.Kind, Name = target.Metadata.Name,
                NamespaceProperty = target.Metadata.NamespaceProperty, Uid = target.Metadata.Uid,
            },
            Reason = reason,
            Message = message,
            Type = type,
            Source = new V1EventSource { Component = "dask-operator" },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(ev, target.Metadata.NamespaceProperty, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // An event that cannot be written must not fail the reconcile that wanted to report it.
            logger.LogDebug("Could not write event {Reason}: {Error}", reason, e.Message);
        }
    }
}
