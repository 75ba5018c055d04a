namespace Kubernetes.TestServer.Tests;

/// <summary>Test inputs copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    /// <summary>Why a kubectl test cannot run here, or null when it can.</summary>
    public static string? NoKubectl => Kubectl.Locate() is null ? "kubectl not found (scripts/setup.sh installs .tools/bin/kubectl, or set KUBECTL)" : null;
}
