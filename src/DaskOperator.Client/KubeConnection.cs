using DaskOperator.Crds;
using k8s;
using k8s.Exceptions;

namespace DaskOperator.Client;

/// <summary>The Kubernetes client and namespace a call works in: the caller's client, else in-cluster config, else the kubeconfig.</summary>
internal static class KubeConnection
{
    public static (ClusterApi Api, bool OwnsClient) Open(KubeClusterOptions options)
    {
        if (options.Client is { } given)
        {
            return (new ClusterApi(given, options.Namespace ?? "default"), false);
        }

        KubernetesClientConfiguration config;
        try
        {
            config = options.KubeConfigPath is null && KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(options.KubeConfigPath ?? Environment.GetEnvironmentVariable("KUBECONFIG"));
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException)
        {
            throw new KubeClusterException($"Cannot load the Kubernetes configuration ({options.KubeConfigPath ?? "default kubeconfig"}): {e.Message}", e);
        }
        DaskJson.AddTo(config);
        return (new ClusterApi(new Kubernetes(config), options.Namespace ?? config.Namespace ?? "default"), true);
    }
}
