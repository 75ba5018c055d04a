namespace Kubernetes.TestServer;

/// <summary>Writes a kubeconfig that points kubectl and client libraries at the test server (plain HTTP; the token is accepted, not checked).</summary>
public static class Kubeconfig
{
    public const string ContextName = "kubernetes-test-server";

    public static string Render(Uri server, string defaultNamespace = "default") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {ContextName}
          cluster:
            server: {server.ToString().TrimEnd('/')}
        users:
        - name: {ContextName}
          user:
            token: kubernetes-test-server
        contexts:
        - name: {ContextName}
          context:
            cluster: {ContextName}
            user: {ContextName}
            namespace: {defaultNamespace}
        current-context: {ContextName}
        """;
}
