using k8s;

namespace Kubernetes.TestServer.Tests;

/// <summary>The official C# client, configured from the test cluster's kubeconfig as any user would do it.</summary>
internal static class ClusterClient
{
    public static k8s.Kubernetes For(TestCluster cluster) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));
}
