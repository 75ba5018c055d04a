using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.Chart;

/// <summary>The chart, judged by the real helm.</summary>
public class HelmChartTests
{
    private static readonly string? Helm = Repository.Tool("helm");
    private static readonly string Chart = Repository.Path("charts", "dask-operator");

    [SkippableFact]
    public async Task Should_pass_helm_lint()
    {
        Skip.If(Helm is null, "helm is not installed (scripts/setup.sh puts it in .tools/bin).");

        // When the real helm lints the chart
        using var helm = LocalProcess.Start(Helm!, ["lint", Chart]);
        var code = await helm.WaitAsync(TimeSpan.FromMinutes(1));

        // Then it passes
        Assert.True(code == 0, helm.Output);
    }

    [SkippableTheory]
    [InlineData("true", "kind: ClusterRole", "--all-namespaces")]
    [InlineData("false", "kind: Role", "--namespace")]
    public async Task Should_render_the_crds_rbac_and_a_deployment_that_runs_the_operator(string allNamespaces, string roleKind, string scopeArg)
    {
        Skip.If(Helm is null, "helm is not installed (scripts/setup.sh puts it in .tools/bin).");

        // When the chart is rendered with the CRDs
        using var helm = LocalProcess.Start(Helm!, ["template", "dask", Chart, "--include-crds", "--namespace", "ops", "--set", $"watchAllNamespaces={allNamespaces}"]);
        var code = await helm.WaitAsync(TimeSpan.FromMinutes(1));
        var yaml = helm.StandardOutput;

        // Then the four CRDs, the role of the chosen scope, the lease permission and the operator's run command are there
        Assert.True(code == 0, helm.Output);
        foreach (var crd in new[] { "daskclusters", "daskworkergroups", "daskautoscalers", "daskjobs" })
        {
            Assert.Contains($"name: {crd}.kubernetes.dask.org", yaml, StringComparison.Ordinal);
        }
        Assert.Contains(roleKind + "\n", yaml, StringComparison.Ordinal);
        Assert.Contains("resources: [leases]", yaml, StringComparison.Ordinal);
        Assert.Contains("- run", yaml, StringComparison.Ordinal);
        Assert.Contains("- " + scopeArg, yaml, StringComparison.Ordinal);
        Assert.Contains("path: /healthz", yaml, StringComparison.Ordinal);
    }
}
