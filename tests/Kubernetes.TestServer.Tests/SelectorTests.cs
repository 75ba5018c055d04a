using System.Text.Json.Nodes;
using Kubernetes.TestServer.Selectors;

namespace Kubernetes.TestServer.Tests;

/// <summary>Label and field selectors as clients write them.</summary>
public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "dask", ["tier"] = "gpu" };

    [Theory]
    [InlineData("app=dask", true)]
    [InlineData("app==dask,tier=gpu", true)]
    [InlineData("app!=dask", false)]
    [InlineData("tier in (cpu, gpu)", true)]
    [InlineData("tier notin (gpu)", false)]
    [InlineData("app", true)]
    [InlineData("!missing", true)]
    [InlineData("app,missing", false)]
    [InlineData("", true)]
    public void Should_match_label_selectors_like_the_api_server(string selector, bool expected)
    {
        // Given labels app=dask, tier=gpu
        // When the selector is parsed and matched
        var matches = LabelSelector.Parse(selector).Matches(Labels);

        // Then it agrees with Kubernetes' selector semantics
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("metadata.name=p1", true)]
    [InlineData("metadata.name=p1,status.phase!=Running", false)]
    [InlineData("status.phase==Running", true)]
    [InlineData("spec.nodeName=other", false)]
    public void Should_match_field_selectors_on_dotted_paths(string selector, bool expected)
    {
        // Given a running pod p1 on test-node
        var pod = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"p1"},"spec":{"nodeName":"test-node"},"status":{"phase":"Running"}}""")!;

        // When the field selector is matched
        var matches = FieldSelector.Parse(selector).Matches(pod);

        // Then only the named fields count
        Assert.Equal(expected, matches);
    }
}
