using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Api;

/// <summary>What <c>/version</c> reports: a Kubernetes version matching the bundled kubectl.</summary>
public static class ServerVersion
{
    public const string GitVersion = "v1.35.0";

    public static JsonObject Document() => new()
    {
        ["major"] = "1",
        ["minor"] = "35",
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.25.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
