using DaskOperator.Crds;
using k8s;
using k8s.Exceptions;

namespace DaskOperator.Hosting;

/// <summary>In-cluster configuration when running in a pod, else the kubeconfig (--kubeconfig, $KUBECONFIG, ~/.kube/config).</summary>
internal static class KubeClientFactory
{
    public static Kubernetes Create(string? kubeconfig)
    {
        try
        {
            var config = kubeconfig is null && KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG"));
            DaskJson.AddTo(config);
            return new Kubernetes(config);
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException or k8s.Exceptions.KubernetesClientException)
        {
            throw new StartupException($"Cannot load the Kubernetes configuration ({kubeconfig ?? "default kubeconfig"}): {e.Message}", e);
        }
    }
}
