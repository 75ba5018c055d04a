using System.Text.Json.Nodes;
using DaskOperator.Tests.Support;
using Kubernetes.TestServer.Patching;

namespace DaskOperator.Tests.Chart;

/// <summary>What the real <c>helm template</c> renders for a chart, one JSON object per document; or helm's refusal.</summary>
public sealed record RenderedChart(int ExitCode, string Output, IReadOnlyList<JsonObject> Objects)
{
    public static readonly string? Helm = Repository.Tool("helm");
    public const string HelmMissing = "helm is not installed (scripts/setup.sh puts it in .tools/bin).";

    public static async Task<RenderedChart> TemplateAsync(string chart, string release, params string[] arguments)
    {
        using var helm = LocalProcess.Start(Helm!, ["template", release, Repository.Path("charts", chart), .. arguments]);
        var code = await helm.WaitAsync(TimeSpan.FromMinutes(1));
        var objects = code != 0 ? [] : Documents(helm.StandardOutput).Select(YamlToJson.Convert).OfType<JsonObject>().ToList();
        return new RenderedChart(code, helm.Output, objects);
    }

    public static async Task<(int ExitCode, string Output)> LintAsync(string chart, params string[] arguments)
    {
        using var helm = LocalProcess.Start(Helm!, ["lint", "--strict", Repository.Path("charts", chart), .. arguments]);
        var code = await helm.WaitAsync(TimeSpan.FromMinutes(1));
        return (code, helm.Output);
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Find(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]!["name"] == name)
        ?? throw new InvalidOperationException($"No {kind} {name} in:\n{Output}");

    private static IEnumerable<string> Documents(string yaml) =>
        yaml.Split("\n---", StringSplitOptions.RemoveEmptyEntries).Where(d => d.Split('\n').Any(l => l.Length > 0 && !l.StartsWith('#')));

    /// <summary>The worker container of a DaskCluster's or DaskWorkerGroup's spec.worker.</summary>
    public static JsonObject WorkerContainer(JsonObject owner) => owner["spec"]!["worker"]!["spec"]!["containers"]![0]!.AsObject();

    public static List<string> Args(JsonObject container) => container["args"]!.AsArray().Select(a => (string)a!).ToList();
}
