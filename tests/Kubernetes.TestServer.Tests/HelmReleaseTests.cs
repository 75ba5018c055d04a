using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Kubernetes.TestServer.Tests;

/// <summary>The real helm 4 against the server: release Secrets, server-side apply with ownership, uninstall.</summary>
public sealed class HelmReleaseTests : IAsyncLifetime
{
    private static readonly string? Helm = Locate();
    private readonly string _home = Directory.CreateTempSubdirectory("helm-home-").FullName;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(new TestClusterOptions { RunPods = false });
        if (Fixture.NoKubectl is null)
        {
            (await _cluster.RunKubectlAsync("apply", "-f", Fixture.Path("widget-crd.yaml"))).EnsureSuccess();
        }
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [SkippableFact]
    public async Task Given_a_release_When_it_is_upgraded_without_some_values_and_uninstalled_Then_the_objects_follow_and_nothing_is_left()
    {
        Skip.If(Fixture.NoKubectl is not null || Helm is null, "kubectl and helm are needed (scripts/setup.sh puts them in .tools/bin).");

        // Given a release of a config map and a Widget with a nested size
        await HelmAsync("install", "shop", Fixture.Path("widget-chart"), "--set", "size.width=3", "--set", "settings.extra=1");
        Assert.Equal(3L, (long)(await GetAsync("widget", "shop"))["spec"]!["size"]!["width"]!);

        // When it is upgraded without the size and the extra setting, with a new color
        await HelmAsync("upgrade", "shop", Fixture.Path("widget-chart"), "--set", "color=green");

        // Then helm's server-side apply removed what it no longer renders, and helm owns what it does
        var widget = await GetAsync("widget", "shop");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"replicas":1,"color":"green"}"""), widget["spec"]), widget["spec"]!.ToJsonString());
        Assert.Equal("""{"mode":"fast"}""", (await GetAsync("configmap", "shop-settings"))["data"]!.ToJsonString());
        Assert.Contains(widget["metadata"]!["managedFields"]!.AsArray(), e => (string?)e!["manager"] == "helm" && (string?)e["operation"] == "Apply");

        // And helm keeps one release Secret per revision, which it finds by label
        var secrets = await _cluster.RunKubectlAsync("get", "secrets", "-l", "owner=helm,name=shop", "-o", "name");
        Assert.Equal(["secret/sh.helm.release.v1.shop.v1", "secret/sh.helm.release.v1.shop.v2"], secrets.EnsureSuccess().StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // When the release is uninstalled, Then its objects and its Secrets are gone
        await HelmAsync("uninstall", "shop");
        var left = await _cluster.RunKubectlAsync("get", "widgets,configmaps,secrets", "-o", "name");
        Assert.DoesNotContain("shop", left.EnsureSuccess().StandardOutput, StringComparison.Ordinal);
    }

    private async Task<JsonNode> GetAsync(string kind, string name) =>
        JsonNode.Parse((await _cluster.RunKubectlAsync("get", kind, name, "-o", "json", "--show-managed-fields")).EnsureSuccess().StandardOutput)!;

    private async Task HelmAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Helm!, [.. arguments, "--kubeconfig", _cluster.KubeconfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var part in new[] { "CACHE", "CONFIG", "DATA" })
        {
            start.Environment[$"HELM_{part}_HOME"] = Path.Combine(_home, part.ToLowerInvariant());
        }

        using var helm = Process.Start(start)!;
        var output = helm.StandardOutput.ReadToEndAsync();
        var error = helm.StandardError.ReadToEndAsync();
        await helm.WaitForExitAsync();
        Assert.True(helm.ExitCode == 0, $"helm {string.Join(' ', arguments)} exited with {helm.ExitCode}:\n{await output}{await error}");
    }

    /// <summary><c>.tools/bin/helm</c> above the test binaries (scripts/setup.sh), else helm on PATH.</summary>
    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "bin", "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "helm")).FirstOrDefault(File.Exists);
    }
}
